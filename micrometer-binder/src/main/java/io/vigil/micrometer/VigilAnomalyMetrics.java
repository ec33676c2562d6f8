package io.vigil.micrometer;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.vigil.micrometer.internal.AnomalyStats;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meters a {@link VigilAnomalyMeterRegistry} records about itself, as a binder: the registry
 * binds them to itself, and {@link VigilAnomalyMeterRegistry#metrics()} binds them anywhere else,
 * such as the composite that Prometheus scrapes.
 */
public final class VigilAnomalyMetrics implements MeterBinder {

  private final AnomalyStats stats;

  VigilAnomalyMetrics(AnomalyStats stats) {
    this.stats = stats;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "vigil.anomaly.detected", stats.detected, "Anomalous signals reported");
    Gauge.builder("vigil.anomaly.series.watched", stats.watched, AtomicInteger::get)
        .description("Meters held and watched for anomalies")
        .register(registry);
    counter(
        registry,
        "vigil.anomaly.series.dropped",
        stats.dropped,
        "New series refused because vigil.anomaly.maxSeries were watched");
    counter(
        registry,
        "vigil.anomaly.series.expired",
        stats.expired,
        "Series whose detector state was dropped after staying idle");
    FunctionCounter.builder("vigil.anomaly.samples.skipped", stats.skippedInvalid, AtomicLong::get)
        .tag("reason", "invalid")
        .description("Signal values skipped instead of being fed to a detector")
        .register(registry);
    FunctionCounter.builder("vigil.anomaly.samples.skipped", stats.skippedNegative, AtomicLong::get)
        .tag("reason", "negative")
        .description("Signal values skipped instead of being fed to a detector")
        .register(registry);
    counter(
        registry,
        "vigil.anomaly.listener.failures",
        stats.listenerFailures,
        "Anomaly listener calls that threw");
  }

  private static void counter(
      MeterRegistry registry, String name, AtomicLong value, String description) {
    FunctionCounter.builder(name, value, AtomicLong::get)
        .description(description)
        .register(registry);
  }
}
