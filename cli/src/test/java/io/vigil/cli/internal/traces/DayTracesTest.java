package io.vigil.cli.internal.traces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.cli.internal.InputException;
import io.vigil.rca.MetricSeries;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DayTracesTest {

  private static final LocalDate DAY = LocalDate.of(2022, 8, 22);
  private static final long MINUTE_0 = DAY.atTime(4, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
  private static final String HEADER =
      "TraceID,SpanID,ParentID,PodName,OperationName,StartTimeUnixNano,EndTimeUnixNano,Duration";

  @TempDir Path dir;

  @Test
  void keepsServicesAndMinutesInSortedOrderSoThatEveryRunRanksAlike() {
    Map<String, List<MetricSeries>> series = new java.util.HashMap<>();
    for (String service : List.of("zeta", "alpha", "mid", "beta", "omega")) {
      series.put(service, List.of());
    }

    DayTraces traces = new DayTraces(java.util.Set.of(3L, 1L, 2L), series);

    assertThat(traces.series().keySet()).containsExactly("alpha", "beta", "mid", "omega", "zeta");
    assertThat(traces.minutes()).containsExactly(1L, 2L, 3L);
  }

  @Test
  void learnsEachServicesCallsLatencyAndWorkThroughTheExporter() throws IOException {
    // Three traces a second all through 04:00, and again in 04:02 (04:01 is missing).
    write("04_00_trace.csv.gz", MINUTE_0, 60, 3_000_000L);
    write("04_02_trace.csv.gz", MINUTE_0 + 120_000L, 60, 9_000_000L);

    DayTraces traces = DayTraces.replay(dir, DAY, Duration.ofSeconds(10), pod -> pod.split("-")[0]);

    assertThat(traces.minutes()).containsExactlyInAnyOrder(MINUTE_0, MINUTE_0 + 120_000L);
    assertThat(traces.covers(MINUTE_0 + 61_000L, 1)).isFalse();
    assertThat(traces.covers(MINUTE_0 + 61_000L, 2)).isTrue();
    MetricSeries calls = signal(traces.series(), "cart", "server.calls");
    // 30 traces per 10 s step, 6 steps in each recorded minute, none from the missing one.
    assertThat(calls.values()).containsOnly(30.0);
    assertThat(calls.size()).isEqualTo(12);
    assertThat(signal(traces.series(), "cart", "server.work").values()).containsOnly(1.0);
    // The front end's one call out per request is its work; its root span is its server side.
    assertThat(signal(traces.series(), "frontend", "server.work").values()).containsOnly(1.0);
    MetricSeries latency = signal(traces.series(), "cart", "server.latency.p50");
    assertThat(latency.values()[0]).isBetween(2.5, 3.5);
    assertThat(latency.values()[latency.size() - 1]).isBetween(8.0, 10.0);
    // Its one outgoing call per request, as a shortfall (minus the share); cart calls out nothing.
    assertThat(
            signal(traces.series(), "frontend", "server.outgoing.shortfall{name=Cart/Get}")
                .values())
        .containsOnly(-1.0);
    assertThat(traces.series().get("cart"))
        .noneMatch(s -> s.signal().startsWith("server.outgoing"));
    // Only service-level signals are kept, none of the per-operation or per-edge ones, and no raw
    // per-step shares.
    assertThat(traces.series().values().stream().flatMap(List::stream))
        .allMatch(s -> s.signal().startsWith("server."))
        .noneMatch(s -> s.signal().startsWith("server.outgoing{"));
  }

  @Test
  void noTraceDirectoryMeansNoSignals() {
    DayTraces traces =
        DayTraces.replay(dir.resolve("absent"), DAY, Duration.ofSeconds(10), pod -> pod);

    assertThat(traces.minutes()).isEmpty();
    assertThat(traces.series()).isEmpty();
  }

  @Test
  void aBadTimeNamesTheFileLineAndColumn() throws IOException {
    Path file = dir.resolve("04_00_trace.csv.gz");
    gzip(file, HEADER + "\nt1,s1,root,frontend-a-b,Recv.,soon,2,1\n");

    assertThatThrownBy(() -> DayTraces.replay(dir, DAY, Duration.ofSeconds(10), pod -> pod))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("04_00_trace.csv.gz:2: StartTimeUnixNano 'soon'");
  }

  @Test
  void aMissingColumnIsNamed() throws IOException {
    gzip(dir.resolve("04_00_trace.csv.gz"), "TraceID,SpanID\nt1,s1\n");

    assertThatThrownBy(() -> DayTraces.replay(dir, DAY, Duration.ofSeconds(10), pod -> pod))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no column ParentID");
  }

  private static MetricSeries signal(
      Map<String, List<MetricSeries>> series, String service, String signal) {
    return series.get(service).stream()
        .filter(s -> s.signal().equals(signal))
        .findFirst()
        .orElseThrow(() -> new AssertionError(service + " has no " + signal + ": " + series));
  }

  /**
   * Per trace: the front end's root span, its client span calling cart, cart's server span and
   * cart's internal span; three traces a second for {@code seconds}.
   */
  private void write(String name, long minuteMillis, int seconds, long cartNanos)
      throws IOException {
    StringBuilder csv = new StringBuilder(HEADER).append('\n');
    int n = 0;
    for (int s = 0; s < seconds; s++) {
      for (int k = 0; k < 3; k++) {
        long start = (minuteMillis + s * 1000L + k * 100L) * 1_000_000L;
        String trace = String.format("%032x", minuteMillis * 100 + n++);
        String root = String.format("%016x", n * 4L);
        String client = String.format("%016x", n * 4L + 1);
        String server = String.format("%016x", n * 4L + 2);
        String internal = String.format("%016x", n * 4L + 3);
        long end = start + cartNanos + 2_000_000L;
        row(csv, trace, root, "root", "frontend-5-x", "Recv.", start, end);
        row(csv, trace, client, root, "frontend-5-x", "Cart/Get", start + 1, end - 1);
        row(csv, trace, server, client, "cart-7-y", "Cart/Get", start + 2, start + 2 + cartNanos);
        row(csv, trace, internal, server, "cart-7-y", "SELECT", start + 3, start + 4);
      }
    }
    gzip(dir.resolve(name), csv.toString());
  }

  private static void row(
      StringBuilder csv,
      String trace,
      String id,
      String parent,
      String pod,
      String op,
      long from,
      long to) {
    csv.append(
            String.join(
                ",", trace, id, parent, pod, op, "" + from, "" + to, "" + (to - from) / 1000))
        .append('\n');
  }

  private static void gzip(Path file, String text) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file));
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      writer.write(text);
    }
  }
}
