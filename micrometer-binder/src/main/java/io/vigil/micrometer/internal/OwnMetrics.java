package io.vigil.micrometer.internal;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The meters the anomaly-detecting registry records about itself, all named under {@link
 * OwnMeters#PREFIX}, as a binder: bound once, wherever the user or Spring Boot binds it.
 */
public final class OwnMetrics implements MeterBinder {

  private final AnomalyStats stats;

  /** Reports these counts. */
  public OwnMetrics(AnomalyStats stats) {
    this.stats = stats;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    counter(registry, "detected", stats.detected, "Anomalous signals reported");
    Gauge.builder(OwnMeters.PREFIX + "series.watched", stats.watched, AtomicInteger::get)
        .description("Meters held and watched for anomalies")
        .register(registry);
    counter(
        registry,
        "series.dropped",
        stats.dropped,
        "Series refused because vigil.anomaly.maxSeries were watched, each counted once");
    counter(
        registry,
        "series.expired",
        stats.expired,
        "Series whose detector state was dropped after staying idle, once per idle spell");
    skipped(registry, "invalid", stats.skippedInvalid);
    skipped(registry, "negative", stats.skippedNegative);
    counter(
        registry,
        "detector.failures",
        stats.detectorFailures,
        "Detector updates that threw; the signal's detector starts afresh");
    counter(registry, "listener.failures", stats.listenerFailures, "Listener calls that threw");
  }

  private static void skipped(MeterRegistry registry, String reason, AtomicLong value) {
    FunctionCounter.builder(OwnMeters.PREFIX + "samples.skipped", value, AtomicLong::get)
        .tag("reason", reason)
        .description("Signal values skipped instead of being fed to a detector")
        .register(registry);
  }

  private static void counter(
      MeterRegistry registry, String name, AtomicLong value, String description) {
    FunctionCounter.builder(OwnMeters.PREFIX + name, value, AtomicLong::get)
        .description(description)
        .register(registry);
  }
}
