package io.vigil.otel;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.vigil.live.SignalListener;
import io.vigil.otel.internal.LearnerSettings;
import io.vigil.otel.internal.LearningCounters;
import io.vigil.otel.internal.LearningLoop;
import io.vigil.otel.internal.SpanLearner;
import io.vigil.rca.CallGraph;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** Builds a {@link VigilSpanExporter}; every setting has a default. */
public final class VigilSpanExporterBuilder {

  private static final SignalListener NO_LISTENER = (service, signal, timestamp, value) -> {};

  private @Nullable CallGraph callGraph;
  private SignalListener signalListener = NO_LISTENER;
  private MeterProvider meterProvider = MeterProvider.noop();
  private @Nullable SpanExporter delegate;
  private Clock clock = Clock.getDefault();
  private Duration step = LearnerSettings.DEFAULTS.step();
  private Duration pendingTtl = LearnerSettings.DEFAULTS.pendingTtl();
  private int maxPendingSpans = LearnerSettings.DEFAULTS.maxPendingSpans();
  private int maxServices = LearnerSettings.DEFAULTS.maxServices();
  private int maxEdges = LearnerSettings.DEFAULTS.maxEdges();
  private int maxOperationsPerService = LearnerSettings.DEFAULTS.maxOperationsPerService();
  private int learningQueueSize = 64;
  private Duration idleCheckInterval = Duration.ofSeconds(1);
  private boolean eventTime;
  private double learningCpuShare = DEFAULT_LEARNING_CPU_SHARE;

  /** Default share of one core the learning thread may use. */
  public static final double DEFAULT_LEARNING_CPU_SHARE = 0.25;

  VigilSpanExporterBuilder() {}

  /** The call graph to learn into, shared with the incident analyzer; by default a new one. */
  public VigilSpanExporterBuilder callGraph(CallGraph callGraph) {
    this.callGraph = requireNonNull(callGraph, "callGraph");
    return this;
  }

  /** Receives every series' calls, errors and latency percentiles at the end of each step. */
  public VigilSpanExporterBuilder signalListener(SignalListener signalListener) {
    this.signalListener = requireNonNull(signalListener, "signalListener");
    return this;
  }

  /** Where the {@code traces_service_graph_*} metrics go; by default nowhere. */
  public VigilSpanExporterBuilder meterProvider(MeterProvider meterProvider) {
    this.meterProvider = requireNonNull(meterProvider, "meterProvider");
    return this;
  }

  /** An exporter that gets every batch first, its result returned unchanged; by default none. */
  public VigilSpanExporterBuilder delegate(SpanExporter delegate) {
    this.delegate = requireNonNull(delegate, "delegate");
    return this;
  }

  /** Length of one signal step; default one minute. */
  public VigilSpanExporterBuilder step(Duration step) {
    this.step = requireNonNull(step, "step");
    return this;
  }

  /** How long an unpaired span waits for its other side; default 10 s. */
  public VigilSpanExporterBuilder pendingTtl(Duration pendingTtl) {
    this.pendingTtl = requireNonNull(pendingTtl, "pendingTtl");
    return this;
  }

  /** Cap on unpaired spans held at once; default 10,000. */
  public VigilSpanExporterBuilder maxPendingSpans(int maxPendingSpans) {
    this.maxPendingSpans = maxPendingSpans;
    return this;
  }

  /** Cap on services, virtual nodes included; default 1,000. */
  public VigilSpanExporterBuilder maxServices(int maxServices) {
    this.maxServices = maxServices;
    return this;
  }

  /** Cap on edges; default 10,000. */
  public VigilSpanExporterBuilder maxEdges(int maxEdges) {
    this.maxEdges = maxEdges;
    return this;
  }

  /** Cap on operations (server span names) tracked per service; default 100. */
  public VigilSpanExporterBuilder maxOperationsPerService(int maxOperationsPerService) {
    this.maxOperationsPerService = maxOperationsPerService;
    return this;
  }

  /**
   * Batches of 512 spans waiting for the learning thread, as compact records in a ring allocated
   * once (about 60 bytes a span: 1.9 MB for the default); past it spans are not learned, but always
   * exported. 0 learns on the exporting thread, with no learning thread (for replay). Default 64.
   */
  public VigilSpanExporterBuilder learningQueueSize(int learningQueueSize) {
    if (learningQueueSize < 0) {
      throw new IllegalArgumentException(
          "learningQueueSize must be >= 0 but was " + learningQueueSize);
    }
    this.learningQueueSize = learningQueueSize;
    return this;
  }

  /**
   * How often idle steps are closed and waiting spans expired when no batch comes; {@link
   * Duration#ZERO} for never (no timer: time then moves only with batches and {@link
   * VigilSpanExporter#advance}). Default one second.
   */
  public VigilSpanExporterBuilder idleCheckInterval(Duration idleCheckInterval) {
    requireNonNull(idleCheckInterval, "idleCheckInterval");
    if (idleCheckInterval.isNegative()) {
      throw new IllegalArgumentException(
          "idleCheckInterval must be zero or positive but was " + idleCheckInterval);
    }
    this.idleCheckInterval = idleCheckInterval;
    return this;
  }

  /**
   * The share of one core the learning thread may use, in (0, 1]; default 0.25. Learning runs at
   * over a million spans a second, so this leaves room for a quarter of a million; past that the
   * learning queue fills and batches are skipped by learning (counted), never by the exporter. 1
   * removes the limit.
   */
  public VigilSpanExporterBuilder learningCpuShare(double learningCpuShare) {
    if (!(learningCpuShare > 0.0 && learningCpuShare <= 1.0)) {
      throw new IllegalArgumentException(
          "learningCpuShare must be in (0, 1] but was " + learningCpuShare);
    }
    this.learningCpuShare = learningCpuShare;
    return this;
  }

  /** The clock that tells learning time (unless in event time); default the SDK's. */
  public VigilSpanExporterBuilder clock(Clock clock) {
    this.clock = requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Whether time moves with the spans' end times instead of the clock, for replaying recorded
   * traces: steps close and waiting spans expire as later spans arrive, or on {@link
   * VigilSpanExporter#advance}. No idle timer runs then. Default false.
   */
  public VigilSpanExporterBuilder eventTime(boolean eventTime) {
    this.eventTime = eventTime;
    return this;
  }

  /** Checks the settings together and builds the exporter, starting its learning thread. */
  public VigilSpanExporter build() {
    LearnerSettings settings =
        new LearnerSettings(
            step, pendingTtl, maxPendingSpans, maxServices, maxEdges, maxOperationsPerService);
    CallGraph graph = callGraph != null ? callGraph : new CallGraph(maxServices, maxEdges);
    LearningCounters counters = new LearningCounters();
    SpanLearner learner =
        new SpanLearner(settings, graph, signalListener, meterProvider, counters, eventTime);
    long idleMillis = eventTime ? 0 : idleCheckInterval.toMillis();
    LearningLoop loop =
        LearningLoop.create(
            learner, counters, clock, learningQueueSize, idleMillis, learningCpuShare);
    return new VigilSpanExporter(delegate, graph, loop, counters);
  }
}
