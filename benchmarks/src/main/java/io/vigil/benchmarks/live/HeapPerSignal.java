package io.vigil.benchmarks.live;

import io.vigil.benchmarks.heap.UsedHeap;
import io.vigil.detect.AnomalyDetector;
import io.vigil.detect.DetectorCatalog;
import io.vigil.live.LiveIncidentAnalyzer;
import java.lang.ref.Reference;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * Measures the heap the live analyzer retains per signal: the used heap after full collections with
 * {@code signals} signals fed past their history's length (the ring buffers full), minus the same
 * with none, divided by the number of signals. The baseline, {@code detectors}, holds one detector
 * of the same type per signal in a map keyed by service and signal name, fed alike: the least any
 * per-signal detection keeps. Run once per JVM and repeat for error bars:
 *
 * <pre>{@code
 * for r in detectors analyzer analyzer60 analyzer240; do for i in 1 2 3 4 5; do
 *   java -XX:+UseSerialGC -Xmx2g -cp benchmarks/target/benchmarks.jar \
 *     io.vigil.benchmarks.live.HeapPerSignal $r 10000; done; done
 * }</pre>
 */
public final class HeapPerSignal {

  private HeapPerSignal() {}

  /** A holder of signals that can be fed one step. */
  private interface Holder {
    void feed(SignalFixture fixture, int signals, long t);
  }

  /**
   * Prints the bytes retained per signal: {@code HeapPerSignal <holder> [signals]}, holder one of
   * {@code detectors}, {@code analyzer} (history 120, the default), {@code analyzer60}, {@code
   * analyzer240}.
   */
  public static void main(String[] args) throws InterruptedException {
    Map<String, IntFunction<Holder>> holders = new LinkedHashMap<>();
    holders.put("detectors", n -> detectors());
    holders.put("analyzer", n -> analyzer(120, n));
    holders.put("analyzer60", n -> analyzer(60, n));
    holders.put("analyzer240", n -> analyzer(240, n));
    IntFunction<Holder> factory = args.length > 0 ? holders.get(args[0]) : null;
    if (factory == null) {
      throw new IllegalArgumentException(
          "first argument must be one of "
              + holders.keySet()
              + " but was "
              + (args.length > 0 ? "'" + args[0] + "'" : "missing"));
    }
    int signals = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    long empty = retained(factory, signals, 0);
    long full = retained(factory, signals, signals);
    System.out.printf(
        "%s %d signals: %.0f bytes/signal (%d -> %d bytes used after GC)%n",
        args[0], signals, (full - empty) / (double) signals, empty, full);
  }

  /** Heap used with {@code signals} of the fixture's {@code names} signals fed. */
  private static long retained(IntFunction<Holder> factory, int names, int signals)
      throws InterruptedException {
    // The same fixture (its names) in both runs, so only what the holder keeps differs.
    SignalFixture fixture = new SignalFixture(names);
    Holder holder = factory.apply(names);
    // 300 steps: past the longest history measured, so every ring buffer is full and wrapped.
    for (int step = 0; step < 300; step++) {
      holder.feed(fixture, signals, SignalFixture.T0 + step * SignalFixture.STEP_MILLIS);
    }
    long used = UsedHeap.afterGc();
    Reference.reachabilityFence(holder);
    Reference.reachabilityFence(fixture);
    return used;
  }

  private static Holder detectors() {
    Map<String, Map<String, AnomalyDetector>> map = new HashMap<>();
    var supplier = DetectorCatalog.get("ewma").configure(Map.of());
    return (fixture, signals, t) -> {
      for (int i = 0; i < signals; i++) {
        map.computeIfAbsent(fixture.services[i], s -> new HashMap<>())
            .computeIfAbsent(fixture.names[i], s -> supplier.get())
            .update(t, fixture.value(i));
      }
    };
  }

  private static Holder analyzer(int history, int maxSignals) {
    LiveIncidentAnalyzer analyzer =
        LiveIncidentAnalyzer.builder().history(history).maxSignals(maxSignals).build();
    return (fixture, signals, t) -> {
      for (int i = 0; i < signals; i++) {
        analyzer.onSignal(fixture.services[i], fixture.names[i], t, fixture.value(i));
      }
    };
  }
}
