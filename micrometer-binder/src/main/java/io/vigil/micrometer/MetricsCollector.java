package io.vigil.micrometer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The seed's {@code MetricsCollector} on Micrometer: counters, gauges, histograms and summaries
 * named with labels, recorded through a {@link MeterRegistry} whose meters aggregate, so no sample
 * is kept.
 *
 * <p>Labels become tags. Recording never throws: a NaN, infinite or negative amount is skipped and
 * counted in {@link #rejected()}. Thread-safe.
 */
public final class MetricsCollector {

  private static final double[] SUMMARY_PERCENTILES = {0.5, 0.9, 0.99};

  private final MeterRegistry registry;
  private final Map<GaugeKey, AtomicLong> gauges = new ConcurrentHashMap<>();
  private final AtomicLong rejected = new AtomicLong();

  /** Records into this registry. */
  public MetricsCollector(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Adds one to a counter without labels. */
  public void incrementCounter(String name) {
    incrementCounter(name, 1.0, Map.of());
  }

  /** Adds a non-negative amount to the counter with these labels. */
  public void incrementCounter(String name, double amount, Map<String, String> labels) {
    if (!valid(amount)) {
      return;
    }
    Counter.builder(name).tags(tags(labels)).register(registry).increment(amount);
  }

  /** Sets the gauge with these labels to a finite value (any sign). */
  public void setGauge(String name, double value, Map<String, String> labels) {
    if (!Double.isFinite(value)) {
      rejected.incrementAndGet();
      return;
    }
    Tags tags = tags(labels);
    gauges
        .computeIfAbsent(new GaugeKey(name, tags), key -> register(key))
        .set(Double.doubleToRawLongBits(value));
  }

  /**
   * Observes a non-negative value in a histogram: a distribution summary publishing a percentile
   * histogram, so the backend can compute any quantile across instances.
   */
  public void observeHistogram(String name, double value, Map<String, String> labels) {
    if (!valid(value)) {
      return;
    }
    DistributionSummary.builder(name)
        .tags(tags(labels))
        .publishPercentileHistogram()
        .register(registry)
        .record(value);
  }

  /** Observes a non-negative value in a summary publishing its median, p90 and p99. */
  public void observeSummary(String name, double value, Map<String, String> labels) {
    if (!valid(value)) {
      return;
    }
    DistributionSummary.builder(name)
        .tags(tags(labels))
        .publishPercentiles(SUMMARY_PERCENTILES)
        .register(registry)
        .record(value);
  }

  /** Every meter of the registry with what it measures now, sorted by name then labels. */
  public List<RecordedMetric> snapshot() {
    return registry.getMeters().stream()
        .map(MetricsCollector::recorded)
        .sorted(
            Comparator.comparing(RecordedMetric::name).thenComparing(m -> m.labels().toString()))
        .toList();
  }

  /** How many amounts were skipped for being NaN, infinite or negative. */
  public long rejected() {
    return rejected.get();
  }

  private boolean valid(double amount) {
    if (amount >= 0 && amount != Double.POSITIVE_INFINITY) {
      return true;
    }
    rejected.incrementAndGet();
    return false;
  }

  private AtomicLong register(GaugeKey key) {
    AtomicLong bits = new AtomicLong(Double.doubleToRawLongBits(Double.NaN));
    Gauge.builder(key.name(), bits, b -> Double.longBitsToDouble(b.get()))
        .tags(key.tags())
        .strongReference(true)
        .register(registry);
    return bits;
  }

  private static Tags tags(Map<String, String> labels) {
    Tags tags = Tags.empty();
    for (Map.Entry<String, String> label : labels.entrySet()) {
      tags = tags.and(label.getKey(), label.getValue());
    }
    return tags;
  }

  private static RecordedMetric recorded(Meter meter) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (Tag tag : meter.getId().getTagsAsIterable()) {
      labels.put(tag.getKey(), tag.getValue());
    }
    Map<Statistic, Double> values = new EnumMap<>(Statistic.class);
    for (Measurement measurement : meter.measure()) {
      values.put(measurement.getStatistic(), measurement.getValue());
    }
    return new RecordedMetric(meter.getId().getName(), meter.getId().getType(), labels, values);
  }

  private record GaugeKey(String name, Tags tags) {}
}
