package io.vigil.micrometer;

import io.micrometer.common.util.internal.logging.WarnThenDebugLogger;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.internal.DefaultLongTaskTimer;
import io.micrometer.core.instrument.step.StepDistributionSummary;
import io.micrometer.core.instrument.step.StepMeterRegistry;
import io.micrometer.core.instrument.step.StepTimer;
import io.micrometer.core.instrument.util.NamedThreadFactory;
import io.vigil.micrometer.internal.AnomalyStats;
import io.vigil.micrometer.internal.OwnMeters;
import io.vigil.micrometer.internal.StepDetection;
import io.vigil.micrometer.internal.WatchFilter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A step registry that watches its meters for anomalies: once per step it reads each meter's
 * signals (rates, means, maxima, a percentile, gauge values, per-service error ratios), feeds each
 * signal to its own streaming detector from Vigil's core, and reports anomalies to {@link
 * AnomalyListener}s.
 *
 * <p>Add it beside the registry that exports your metrics (in a {@code CompositeMeterRegistry}, or
 * as a Spring bean); recording costs what any step registry costs. Memory is bounded: at most
 * {@link VigilAnomalyConfig#maxSeries()} meters are held, and series idle past {@link
 * VigilAnomalyConfig#seriesExpiry()} give their detector state back.
 */
public class VigilAnomalyMeterRegistry extends StepMeterRegistry {

  private static final ThreadFactory DEFAULT_THREAD_FACTORY =
      new NamedThreadFactory("vigil-anomaly-publisher");

  private final VigilAnomalyConfig config;
  private final AnomalyStats stats = new AnomalyStats();
  private final List<AnomalyListener> listeners = new CopyOnWriteArrayList<>();
  private final WarnThenDebugLogger listenerLogger;
  private final StepDetection detection;
  private final Object publishLock = new Object();

  /**
   * Creates a registry that watches every meter it is given, up to the series cap, and starts
   * publishing if the config is enabled.
   *
   * @throws io.micrometer.core.instrument.config.validate.ValidationException naming each bad key
   */
  public VigilAnomalyMeterRegistry(VigilAnomalyConfig config, Clock clock) {
    this(config, clock, List.of(), List.of(), DEFAULT_THREAD_FACTORY);
  }

  private VigilAnomalyMeterRegistry(
      VigilAnomalyConfig config,
      Clock clock,
      List<MeterFilter> watch,
      List<AnomalyListener> listeners,
      ThreadFactory threadFactory) {
    super(config, clock);
    config.requireValid();
    this.config = config;
    this.listeners.addAll(listeners);
    this.listenerLogger = new WarnThenDebugLogger(AnomalyListener.class);
    config()
        .meterFilter(
            new WatchFilter(
                watch,
                config.maxSeries(),
                stats,
                new WarnThenDebugLogger(VigilAnomalyMeterRegistry.class)))
        .onMeterAdded(meter -> countWatched(meter, 1))
        .onMeterRemoved(meter -> countWatched(meter, -1));
    this.detection =
        new StepDetection(
            config.detectorSupplier(),
            config.signals(),
            config.percentile(),
            config.serviceTag(),
            config.seriesExpiry().toMillis(),
            stats,
            this::dispatch,
            new WarnThenDebugLogger(StepDetection.class));
    metrics().bindTo(this);
    if (config.enabled()) {
      start(threadFactory);
    }
  }

  /** Starts building a registry: clock, watch filters, listeners, thread factory. */
  public static Builder builder(VigilAnomalyConfig config) {
    return new Builder(config);
  }

  /** Adds a listener, called on the publishing thread for each anomaly from the next step on. */
  public void addListener(AnomalyListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener added before. */
  public void removeListener(AnomalyListener listener) {
    listeners.remove(listener);
  }

  /** The registry's own meters, to bind to the registry your backend reads. */
  public VigilAnomalyMetrics metrics() {
    return new VigilAnomalyMetrics(stats);
  }

  @Override
  protected TimeUnit getBaseTimeUnit() {
    return TimeUnit.SECONDS;
  }

  @Override
  protected String startMessage() {
    return "publishing anomaly detection every "
        + config.step()
        + " with detector '"
        + config.detector()
        + "'";
  }

  /**
   * Runs detection for the step that just ended; a step is never run twice. Public so that tests
   * and replays can drive steps with a mock clock and publishing disabled.
   */
  @Override
  public void publish() {
    long stepMillis = config.step().toMillis();
    long now = clock.wallTime();
    synchronized (publishLock) {
      detection.run(now - now % stepMillis, stepMillis / 1000.0, getMeters());
    }
  }

  // Vigil reads percentiles and buckets from each meter's snapshot, so it registers none of the
  // per-percentile and per-bucket gauges that StepMeterRegistry adds: they would cost memory and
  // series for nothing.

  @Override
  protected Timer newTimer(
      Meter.Id id, DistributionStatisticConfig histogramConfig, PauseDetector pauseDetector) {
    return new StepTimer(
        id,
        clock,
        histogramConfig,
        pauseDetector,
        getBaseTimeUnit(),
        config.step().toMillis(),
        false);
  }

  @Override
  protected DistributionSummary newDistributionSummary(
      Meter.Id id, DistributionStatisticConfig histogramConfig, double scale) {
    return new StepDistributionSummary(
        id, clock, histogramConfig, scale, config.step().toMillis(), false);
  }

  @Override
  protected LongTaskTimer newLongTaskTimer(
      Meter.Id id, DistributionStatisticConfig histogramConfig) {
    return new DefaultLongTaskTimer(id, clock, getBaseTimeUnit(), histogramConfig, false);
  }

  private void countWatched(Meter meter, int delta) {
    if (!OwnMeters.isOwn(meter.getId())) {
      stats.watched.addAndGet(delta);
    }
  }

  private void dispatch(AnomalyEvent event) {
    for (AnomalyListener listener : listeners) {
      try {
        listener.onAnomaly(event);
      } catch (RuntimeException e) {
        stats.listenerFailures.incrementAndGet();
        listenerLogger.log(
            () ->
                "Anomaly listener "
                    + listener
                    + " threw on "
                    + event.name()
                    + " "
                    + event.signal()
                    + "; other listeners and publishing go on",
            e);
      }
    }
  }

  /** Builds a {@link VigilAnomalyMeterRegistry}. */
  public static final class Builder {

    private final VigilAnomalyConfig config;
    private Clock clock = Clock.SYSTEM;
    private final List<MeterFilter> watch = new ArrayList<>();
    private final List<AnomalyListener> listeners = new ArrayList<>();
    private ThreadFactory threadFactory = DEFAULT_THREAD_FACTORY;

    private Builder(VigilAnomalyConfig config) {
      this.config = Objects.requireNonNull(config, "config");
    }

    /** The clock (default {@link Clock#SYSTEM}). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Filters that choose the watched meters and their distribution statistics, applied in order
     * before the series cap (see {@link VigilMeterFilters}); none watches every meter.
     */
    public Builder watch(MeterFilter... filters) {
      watch.addAll(Arrays.asList(filters));
      return this;
    }

    /** A listener registered before the first step. */
    public Builder listener(AnomalyListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** The factory of the publishing thread. */
    public Builder threadFactory(ThreadFactory threadFactory) {
      this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
      return this;
    }

    /**
     * Builds the registry, which starts publishing if the config is enabled.
     *
     * @throws io.micrometer.core.instrument.config.validate.ValidationException naming each bad key
     */
    public VigilAnomalyMeterRegistry build() {
      return new VigilAnomalyMeterRegistry(config, clock, watch, listeners, threadFactory);
    }
  }
}
