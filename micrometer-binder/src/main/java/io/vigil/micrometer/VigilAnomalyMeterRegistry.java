package io.vigil.micrometer;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.pause.PauseDetector;
import io.micrometer.core.instrument.internal.DefaultLongTaskTimer;
import io.micrometer.core.instrument.step.StepDistributionSummary;
import io.micrometer.core.instrument.step.StepMeterRegistry;
import io.micrometer.core.instrument.step.StepTimer;
import io.micrometer.core.instrument.util.NamedThreadFactory;
import io.vigil.live.SignalListener;
import io.vigil.micrometer.internal.AnomalyStats;
import io.vigil.micrometer.internal.DetectionPipeline;
import io.vigil.micrometer.internal.ListenerDispatch;
import io.vigil.micrometer.internal.OwnMetrics;
import io.vigil.micrometer.internal.SettingsStepConfig;
import io.vigil.micrometer.internal.StepDetection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A step registry that watches its meters for anomalies: once per step it reads each meter's
 * signals (rates, means, maxima, a percentile, gauge values, per-service error ratios), feeds each
 * signal to its own streaming detector from Vigil's core, and reports anomalies to {@link
 * AnomalyListener}s and every watched value to a {@link SignalListener}.
 *
 * <p>Add it beside the registry that exports your metrics (in a {@code CompositeMeterRegistry}, or
 * as a Spring bean); recording costs what any step registry costs. Memory is bounded: at most
 * {@link VigilAnomalySettings#maxSeries()} meters are held, and series idle past {@link
 * VigilAnomalySettings#seriesExpiry()} give their detector state back. The registry registers no
 * meter of its own: its {@code vigil.anomaly.*} meters come as a binder, {@link #metrics()}, bound
 * once by whoever assembles the registries, so meter filters configured after it is built apply to
 * every meter.
 */
public class VigilAnomalyMeterRegistry extends StepMeterRegistry {

  private static final ThreadFactory DEFAULT_THREAD_FACTORY =
      new NamedThreadFactory("vigil-anomaly-publisher");

  private final VigilAnomalySettings settings;
  private final AnomalyStats stats = new AnomalyStats();
  private final ListenerDispatch dispatch;
  private final StepDetection detection;
  private final Object publishLock = new Object();

  /**
   * Creates a registry that watches every meter it is given, up to the series cap, and starts
   * publishing if the config is enabled.
   *
   * @throws io.micrometer.core.instrument.config.validate.ValidationException naming each bad key
   */
  public VigilAnomalyMeterRegistry(VigilAnomalyConfig config, Clock clock) {
    this(config.settings(), clock, List.of(), List.of(), null, DEFAULT_THREAD_FACTORY);
  }

  private VigilAnomalyMeterRegistry(
      VigilAnomalySettings settings,
      Clock clock,
      List<MeterFilter> watch,
      List<AnomalyListener> listeners,
      @Nullable SignalListener signalListener,
      ThreadFactory threadFactory) {
    super(new SettingsStepConfig(settings), clock);
    this.settings = settings;
    DetectionPipeline pipeline =
        DetectionPipeline.create(settings, watch, listeners, signalListener, stats);
    this.dispatch = pipeline.dispatch();
    this.detection = pipeline.detection();
    config()
        .meterFilter(pipeline.watchFilter())
        .onMeterAdded(meter -> stats.countWatched(meter.getId(), 1))
        .onMeterRemoved(meter -> stats.countWatched(meter.getId(), -1));
    if (settings.enabled()) {
      start(threadFactory);
    }
  }

  /** Starts building a registry from {@code vigil.anomaly.*} properties. */
  public static Builder builder(VigilAnomalyConfig config) {
    return new Builder(config.settings());
  }

  /** Starts building a registry from validated settings. */
  public static Builder builder(VigilAnomalySettings settings) {
    return new Builder(settings);
  }

  /** The settings this registry runs with. */
  public VigilAnomalySettings settings() {
    return settings;
  }

  /** Adds a listener, called on the publishing thread for each anomaly from the next step on. */
  public void addListener(AnomalyListener listener) {
    dispatch.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener added before. */
  public void removeListener(AnomalyListener listener) {
    dispatch.remove(listener);
  }

  /**
   * The registry's own meters ({@code vigil.anomaly.*}), to bind once: to the composite that holds
   * this registry and the one your backend reads, so that they reach both (Spring Boot binds a
   * {@code MeterBinder} bean to its composite, or to the only registry), or to this registry alone.
   * The registry never binds them itself: that would register them in it a second time when the
   * binder reaches it through a composite, and Micrometer would warn that they were "already
   * registered".
   */
  public MeterBinder metrics() {
    return new OwnMetrics(stats);
  }

  @Override
  protected TimeUnit getBaseTimeUnit() {
    return TimeUnit.SECONDS;
  }

  @Override
  protected String startMessage() {
    return "publishing anomaly detection every "
        + settings.step()
        + " with detector '"
        + settings.detector()
        + "'";
  }

  /**
   * Runs detection for the step that just ended; a step is never run twice. Called by the
   * publishing thread; a subclass may call it to drive steps on a mock clock with publishing
   * disabled.
   */
  @Override
  protected void publish() {
    long stepMillis = settings.step().toMillis();
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
        settings.step().toMillis(),
        false);
  }

  @Override
  protected DistributionSummary newDistributionSummary(
      Meter.Id id, DistributionStatisticConfig histogramConfig, double scale) {
    return new StepDistributionSummary(
        id, clock, histogramConfig, scale, settings.step().toMillis(), false);
  }

  @Override
  protected LongTaskTimer newLongTaskTimer(
      Meter.Id id, DistributionStatisticConfig histogramConfig) {
    return new DefaultLongTaskTimer(id, clock, getBaseTimeUnit(), histogramConfig, false);
  }

  /** Builds a {@link VigilAnomalyMeterRegistry}. */
  public static final class Builder {

    private final VigilAnomalySettings settings;
    private Clock clock = Clock.SYSTEM;
    private final List<MeterFilter> watch = new ArrayList<>();
    private final List<AnomalyListener> listeners = new ArrayList<>();
    private @Nullable SignalListener signalListener;
    private ThreadFactory threadFactory = DEFAULT_THREAD_FACTORY;

    private Builder(VigilAnomalySettings settings) {
      this.settings = Objects.requireNonNull(settings, "settings");
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
      for (MeterFilter filter : filters) {
        watch.add(Objects.requireNonNull(filter, "filter"));
      }
      return this;
    }

    /** A listener registered before the first step. */
    public Builder listener(AnomalyListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Receives, at the end of each step, every watched signal's value and every anomaly (as {@link
     * io.vigil.rca.Anomaly}), named for live analysis: the service is the meter's service tag, else
     * {@link VigilAnomalySettings#serviceName()}; the signal is the meter name, the signal and the
     * other tags, like {@code http.server.requests.mean{method=GET,uri=/a}}. One that throws is
     * counted in {@code vigil.anomaly.listener.failures}.
     */
    public Builder signalListener(SignalListener signalListener) {
      this.signalListener = Objects.requireNonNull(signalListener, "signalListener");
      return this;
    }

    /** The factory of the publishing thread. */
    public Builder threadFactory(ThreadFactory threadFactory) {
      this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
      return this;
    }

    /** Builds the registry, which starts publishing if the settings say it is enabled. */
    public VigilAnomalyMeterRegistry build() {
      return new VigilAnomalyMeterRegistry(
          settings, clock, watch, listeners, signalListener, threadFactory);
    }
  }
}
