package io.vigil.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.lang.ref.WeakReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The seed's collector API on Micrometer. */
class MetricsCollectorTest {

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final MetricsCollector metrics = new MetricsCollector(registry);

  @Test
  void countersAddUpPerLabelSet() {
    metrics.incrementCounter("db.queries", 1, Map.of("table", "users", "operation", "select"));
    metrics.incrementCounter("db.queries", 2, Map.of("operation", "select", "table", "users"));
    metrics.incrementCounter("db.queries", 1, Map.of("table", "orders", "operation", "select"));
    metrics.incrementCounter("jobs");

    assertThat(registry.get("db.queries").tag("table", "users").counter().count()).isEqualTo(3);
    assertThat(registry.get("db.queries").tag("table", "orders").counter().count()).isEqualTo(1);
    assertThat(registry.get("jobs").counter().count()).isEqualTo(1);
  }

  @Test
  void gaugesHoldTheLastValueAndStayRegistered() throws InterruptedException {
    metrics.setGauge("memory.usage", 512, Map.of("area", "heap"));
    metrics.setGauge("memory.usage", 256, Map.of("area", "heap"));
    assertThat(registry.get("memory.usage").tag("area", "heap").gauge().value()).isEqualTo(256);

    // What the seed's users rely on: a gauge set once keeps reporting its value after the code
    // that set it is gone. Micrometer holds a gauge's object weakly unless told otherwise, so set
    // it through a collector that nothing references, and collect that collector.
    WeakReference<MetricsCollector> gone = setGaugeThroughAForgottenCollector("queue.depth", 7);
    for (int i = 0; i < 50 && gone.get() != null; i++) {
      System.gc();
      Thread.sleep(10);
    }
    assertThat(gone.get()).as("the collector was collected").isNull();

    assertThat(registry.get("queue.depth").gauge().value()).isEqualTo(7);
  }

  private WeakReference<MetricsCollector> setGaugeThroughAForgottenCollector(
      String name, double value) {
    MetricsCollector forgotten = new MetricsCollector(registry);
    forgotten.setGauge(name, value, Map.of());
    return new WeakReference<>(forgotten);
  }

  @Test
  void histogramsAndSummariesAggregateInsteadOfKeepingSamples() {
    for (int i = 1; i <= 1000; i++) {
      metrics.observeHistogram("payload.size", i, Map.of("route", "/a"));
      metrics.observeSummary("batch.size", i, Map.of());
    }

    var histogram = registry.get("payload.size").summary();
    assertThat(histogram.count()).isEqualTo(1000);
    assertThat(histogram.totalAmount()).isEqualTo(500_500);
    assertThat(histogram.max()).isEqualTo(1000);
    assertThat(registry.get("batch.size").summary().takeSnapshot().percentileValues()).hasSize(3);
  }

  @Test
  void histogramsPublishBucketsToABackendThatAggregatesThem() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new MetricsCollector(prometheus).observeHistogram("payload.size", 3, Map.of("route", "/a"));

    assertThat(prometheus.scrape()).contains("payload_size_bucket{route=\"/a\",le=\"3.0\"} 1");
  }

  @Test
  void badAmountsAreSkippedAndCountedNeverThrown() {
    metrics.incrementCounter("c", -1, Map.of());
    metrics.incrementCounter("c", Double.NaN, Map.of());
    metrics.setGauge("g", Double.POSITIVE_INFINITY, Map.of());
    metrics.observeHistogram("h", -3, Map.of());
    metrics.observeSummary("s", Double.NaN, Map.of());

    assertThat(metrics.rejected()).isEqualTo(5);
    assertThat(registry.find("c").counter()).isNull();
    assertThat(registry.find("h").summary()).isNull();
  }

  @Test
  void snapshotShowsEachMeterWithItsLabelsAndStatistics() {
    metrics.incrementCounter("http.requests", 2, Map.of("method", "GET"));
    metrics.setGauge("queue.depth", 7, Map.of());
    metrics.observeSummary("batch.size", 10, Map.of());

    List<RecordedMetric> snapshot = metrics.snapshot();

    assertThat(snapshot)
        .extracting(RecordedMetric::name)
        .containsSubsequence("batch.size", "http.requests", "queue.depth")
        .isSorted();
    RecordedMetric requests = named(snapshot, "http.requests");
    assertThat(requests.type()).isEqualTo(Meter.Type.COUNTER);
    assertThat(requests.labels()).containsExactly(Map.entry("method", "GET"));
    assertThat(requests.values()).containsEntry(Statistic.COUNT, 2.0);
    assertThat(named(snapshot, "queue.depth").values()).containsEntry(Statistic.VALUE, 7.0);
    assertThat(named(snapshot, "batch.size").values()).containsEntry(Statistic.MAX, 10.0);
  }

  private static RecordedMetric named(List<RecordedMetric> snapshot, String name) {
    return snapshot.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }
}
