package io.vigil.benchmarks.otel;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.vigil.benchmarks.heap.UsedHeap;
import io.vigil.otel.VigilSpanExporter;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the heap Vigil's span exporter retains per learned edge and per learned service, as
 * {@code HeapPerSeries} does for meters: the used heap after full collections with {@code n} edges
 * (or services) learned, minus the same exporter with none, divided by {@code n}. Everything the
 * exporter keeps is counted: the step windows of the edge (both sides) or the service (its server
 * side and one operation), the shared call graph's entry, and the graph-metric attributes. The
 * spans fed are released before measuring. Run once per JVM and repeat for error bars:
 *
 * <pre>{@code
 * for kind in edges services; do for i in 1 2 3 4 5; do
 *   java -XX:+UseSerialGC -Xmx1g -cp benchmarks/target/benchmarks.jar \
 *     io.vigil.benchmarks.otel.HeapPerGraph $kind 5000; done; done
 * }</pre>
 */
public final class HeapPerGraph {

  private HeapPerGraph() {}

  /** Prints bytes retained per edge or per service: {@code HeapPerGraph edges|services [n]}. */
  public static void main(String[] args) throws InterruptedException {
    String kind = args.length > 0 ? args[0] : "";
    if (!kind.equals("edges") && !kind.equals("services")) {
      throw new IllegalArgumentException(
          "first argument must be edges or services but was "
              + (args.length > 0 ? "'" + kind + "'" : "missing"));
    }
    int n = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    boolean edges = kind.equals("edges");
    // Edges: n edges among the same 100 callers and n/100 callees in both runs, so that only the
    // edges differ. Services: n services seen only as servers, against none.
    long empty = retained(edges ? n : 0, edges, false);
    long full = retained(n, edges, edges);
    System.out.printf(
        "%s %d: %.0f bytes each (%d -> %d bytes used after GC)%n",
        kind, n, (full - empty) / (double) n, empty, full);
  }

  private static long retained(int n, boolean edgeLayout, boolean edges)
      throws InterruptedException {
    VigilSpanExporter exporter =
        VigilSpanExporter.builder()
            .learningQueueSize(0)
            .idleCheckInterval(Duration.ZERO)
            .maxServices(2 * n + 10)
            .maxEdges(n + 10)
            .step(Duration.ofSeconds(1))
            .build();
    // Three steps of calls, as HeapPerSeries scores three steps, so every window has grown.
    for (int step = 0; step < 3; step++) {
      feed(exporter, n, edgeLayout, edges, step);
      exporter.advance(System.currentTimeMillis() + (step + 1) * 2_000L);
    }
    long used = UsedHeap.afterGc();
    Reference.reachabilityFence(exporter);
    exporter.shutdown();
    return used;
  }

  private static void feed(
      VigilSpanExporter exporter, int n, boolean edgeLayout, boolean edges, int step) {
    List<SpanData> batch = new ArrayList<>();
    int callees = edgeLayout ? Math.max(1, n / 100) : n;
    for (int j = 0; j < callees; j++) {
      batch.add(TraceFixture.root("callee-" + j, step * 1_000_003L + j));
    }
    if (edgeLayout) {
      for (int j = 0; j < 100; j++) {
        batch.add(TraceFixture.root("caller-" + j, step * 2_000_003L + j));
      }
    }
    if (edges) {
      for (int j = 0; j < n; j++) {
        batch.addAll(
            TraceFixture.pair("caller-" + (j % 100), "callee-" + (j / 100), step * 3_000_017L + j));
      }
    }
    for (int i = 0; i < batch.size(); i += 512) {
      exporter.export(batch.subList(i, Math.min(batch.size(), i + 512)));
    }
  }
}
