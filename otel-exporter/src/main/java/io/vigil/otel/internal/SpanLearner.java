package io.vigil.otel.internal;

import io.opentelemetry.api.metrics.MeterProvider;
import io.vigil.live.SignalListener;
import io.vigil.rca.CallGraph;

/**
 * Learns the service graph and per-step RED signals from finished spans. Client and producer spans
 * are paired with the server and consumer spans they caused, as the Collector's servicegraph
 * connector pairs them (a consumer through its first span link when it has one); database calls and
 * client spans whose server never reports become calls to a virtual node named by {@link
 * PeerNames}. Time is the caller's: {@link #learn} and {@link #advance} take "now", and in event
 * time "now" is also pushed forward by each span's end.
 *
 * <p>Not thread-safe: one thread at a time (the exporter's learning thread, or a caller holding the
 * exporter's lock).
 */
public final class SpanLearner {

  private final LearnerSettings settings;
  private final LearningCounters counters;
  private final SignalListener listener;
  private final GraphMetrics metrics;
  private final StepWindows windows;
  private final PendingSpans pending;
  private final boolean eventTime;
  private final long stepMillis;
  private long nowMillis = Long.MIN_VALUE;
  private long stepEndMillis = Long.MIN_VALUE;

  /**
   * A learner.
   *
   * @param eventTime whether span end times move the clock (replay), besides {@link #advance}
   */
  public SpanLearner(
      LearnerSettings settings,
      CallGraph graph,
      SignalListener listener,
      MeterProvider meterProvider,
      LearningCounters counters,
      boolean eventTime) {
    this.settings = settings;
    this.counters = counters;
    this.listener = listener;
    this.metrics = new GraphMetrics(meterProvider);
    this.windows = new StepWindows(settings, graph, counters);
    this.pending = new PendingSpans(settings.maxPendingSpans(), settings.pendingTtlMillis());
    this.eventTime = eventTime;
    this.stepMillis = settings.stepMillis();
  }

  /**
   * Learns from the spans at positions [{@code from}, {@code to}) of {@code records} as one batch
   * at {@code nowMillis}: {@link #begin}, {@link #learn(SpanRecords, long, long)}, {@link #end}.
   */
  void learn(SpanRecords records, long from, long to, long nowMillis) {
    begin(nowMillis);
    learn(records, from, to);
    end();
  }

  /** Starts a batch at {@code nowMillis} (ignored in event time, where spans move the clock). */
  void begin(long nowMillis) {
    if (!eventTime) {
      advance(nowMillis);
    }
  }

  /** Learns from the spans at positions [{@code from}, {@code to}), part of the current batch. */
  void learn(SpanRecords records, long from, long to) {
    for (long position = from; position < to; position++) {
      int slot = records.slot(position);
      if (eventTime) {
        moveClock(records.endMillis(slot));
      }
      learn(records, slot);
    }
    counters.spansLearned += to - from;
  }

  /** Ends a batch: expires the spans that waited too long. */
  void end() {
    expire();
  }

  /**
   * Moves the clock to {@code nowMillis} if that is later: closes every step that ended by then and
   * expires the spans that waited too long.
   */
  public void advance(long nowMillis) {
    moveClock(nowMillis);
    expire();
  }

  private void moveClock(long millis) {
    if (millis <= nowMillis) {
      return;
    }
    nowMillis = millis;
    if (stepEndMillis == Long.MIN_VALUE) {
      stepEndMillis = Math.floorDiv(millis, stepMillis) * stepMillis + stepMillis;
      return;
    }
    if (millis < stepEndMillis) {
      return;
    }
    // Emit the step that closed; idle steps after it would only repeat zeros, so at most one
    // more is emitted and the rest are skipped.
    windows.emit(listener, stepEndMillis);
    counters.stepsClosed++;
    long next = Math.floorDiv(millis, stepMillis) * stepMillis + stepMillis;
    if (next - stepEndMillis > stepMillis) {
      windows.emit(listener, next - stepMillis);
      counters.stepsClosed++;
    }
    stepEndMillis = next;
  }

  private void expire() {
    pending.expire(nowMillis, this::expired);
    counters.pendingSpans = pending.size();
  }

  private void learn(SpanRecords records, int slot) {
    byte role = records.role(slot);
    String service = records.service(slot);
    if (role != SpanRecords.SERVER && role != SpanRecords.CONSUMER) {
      ServiceSeries series = windows.service(service);
      if (series != null) {
        series.work++;
        String name = records.operation(slot);
        if (name != null && !series.countOutgoing(name, settings.maxOperationsPerService())) {
          counters.droppedOperation(series.name, settings.maxOperationsPerService());
        }
      }
    }
    switch (role) {
      case SpanRecords.SERVER -> server(records, slot, service, ConnectionType.DIRECT);
      case SpanRecords.CONSUMER -> server(records, slot, service, ConnectionType.MESSAGING_SYSTEM);
      case SpanRecords.CLIENT -> client(records, slot, service, ConnectionType.DIRECT);
      case SpanRecords.PRODUCER -> client(records, slot, service, ConnectionType.MESSAGING_SYSTEM);
      default -> {}
    }
  }

  private void server(SpanRecords records, int slot, String service, ConnectionType type) {
    long duration = records.durationNanos(slot);
    boolean error = records.error(slot);
    ServiceSeries series = windows.service(service);
    String name = records.operation(slot);
    if (series != null) {
      series.server.record(duration, error);
      RedWindow operation = name == null ? null : windows.operation(series, name);
      if (operation != null) {
        operation.record(duration, error);
      }
    }
    if (!records.keyed(slot)) {
      return;
    }
    long traceHigh = records.traceHigh(slot);
    long traceLow = records.traceLow(slot);
    long spanId = records.spanId(slot);
    PendingSpans.Side client = pending.take(traceHigh, traceLow, spanId);
    if (client != null) {
      call(
          client.service(),
          service,
          client.type(),
          client.durationNanos(),
          client.error(),
          duration,
          error);
      return;
    }
    hold(
        new PendingSpans.Side(
            traceHigh, traceLow, spanId, false, service, null, -1, type, duration, error,
            nowMillis));
  }

  private void client(SpanRecords records, int slot, String service, ConnectionType type) {
    long duration = records.durationNanos(slot);
    boolean error = records.error(slot);
    String peer = records.peer(slot);
    int port = records.peerPort(slot);
    if (type == ConnectionType.DIRECT && records.database(slot) && peer != null) {
      call(
          service, PeerNames.name(peer, port), ConnectionType.DATABASE, duration, error, -1, false);
      return;
    }
    long traceHigh = records.traceHigh(slot);
    long traceLow = records.traceLow(slot);
    long spanId = records.spanId(slot);
    PendingSpans.Side server = pending.take(traceHigh, traceLow, spanId);
    if (server != null) {
      call(
          service, server.service(), type, duration, error, server.durationNanos(), server.error());
      return;
    }
    hold(
        new PendingSpans.Side(
            traceHigh, traceLow, spanId, true, service, peer, port, type, duration, error,
            nowMillis));
  }

  private void hold(PendingSpans.Side side) {
    if (!pending.hold(side)) {
      counters.droppedPending(settings.maxPendingSpans());
      ServiceSeries series = windows.service(side.service());
      if (series != null) {
        metrics.dropped(side.client() ? series.asClient : series.asServer);
      }
    }
  }

  private void expired(PendingSpans.Side side) {
    ServiceSeries series = windows.service(side.service());
    if (side.client()) {
      counters.expiredClientSpans++;
      String peer = side.peer();
      if (peer != null) {
        call(
            side.service(),
            PeerNames.name(peer, side.peerPort()),
            ConnectionType.VIRTUAL_NODE,
            side.durationNanos(),
            side.error(),
            -1,
            false);
      }
    } else {
      counters.expiredServerSpans++;
    }
    if (series != null) {
      metrics.unpaired(side.client() ? series.asClient : series.asServer);
    }
  }

  /**
   * One call on the edge caller -> callee, with the client's and, when it was seen, the server's
   * view ({@code serverNanos} negative when not).
   */
  private void call(
      String caller,
      String callee,
      ConnectionType type,
      long clientNanos,
      boolean clientError,
      long serverNanos,
      boolean serverError) {
    EdgeSeries edge = windows.edge(caller, callee, type);
    if (edge == null) {
      return;
    }
    boolean failed = clientError || serverError;
    edge.clientSide.record(clientNanos, clientError);
    if (serverNanos >= 0) {
      edge.serverSide.record(serverNanos, serverError);
    }
    if (edge.graphStats != null) {
      edge.graphStats.record(clientNanos / 1e6, failed);
    }
    metrics.request(edge, clientNanos, serverNanos, failed);
    counters.edgeCalls++;
  }

  /** Services and edges learned so far. */
  public int serviceCount() {
    return windows.serviceCount();
  }

  /** Edges learned so far. */
  public int edgeCount() {
    return windows.edgeCount();
  }
}
