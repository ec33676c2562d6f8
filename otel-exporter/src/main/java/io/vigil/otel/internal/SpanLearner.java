package io.vigil.otel.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.vigil.live.SignalListener;
import io.vigil.rca.CallGraph;
import java.util.List;
import org.jspecify.annotations.Nullable;

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

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final String UNKNOWN_SERVICE = "unknown_service";

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
  private @Nullable Resource lastResource;
  private String lastService = UNKNOWN_SERVICE;

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

  /** Learns from a batch at {@code nowMillis} (ignored in event time until the spans are read). */
  public void learn(List<SpanData> spans, long nowMillis) {
    if (!eventTime) {
      advance(nowMillis);
    }
    for (int i = 0, n = spans.size(); i < n; i++) {
      SpanData span = spans.get(i);
      if (eventTime) {
        moveClock(span.getEndEpochNanos() / 1_000_000);
      }
      learn(span);
    }
    counters.spansLearned += spans.size();
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

  private void learn(SpanData span) {
    SpanKind kind = span.getKind();
    String service = serviceOf(span.getResource());
    if (kind != SpanKind.SERVER && kind != SpanKind.CONSUMER) {
      ServiceSeries series = windows.service(service);
      if (series != null) {
        series.work++;
        if (kind != SpanKind.INTERNAL
            && !series.countOutgoing(span.getName(), settings.maxOperationsPerService())) {
          counters.droppedOperation(series.name, settings.maxOperationsPerService());
        }
      }
    }
    if (kind == SpanKind.INTERNAL) {
      return;
    }
    long duration = span.getEndEpochNanos() - span.getStartEpochNanos();
    switch (kind) {
      case SERVER -> server(span, service, duration, ConnectionType.DIRECT);
      case CONSUMER -> server(span, service, duration, ConnectionType.MESSAGING_SYSTEM);
      case CLIENT -> client(span, service, duration, ConnectionType.DIRECT);
      case PRODUCER -> client(span, service, duration, ConnectionType.MESSAGING_SYSTEM);
      default -> {}
    }
  }

  private void server(SpanData span, String service, long duration, ConnectionType type) {
    boolean error = ErrorRules.failed(span, true);
    ServiceSeries series = windows.service(service);
    if (series != null) {
      series.server.record(duration, error);
      RedWindow operation = windows.operation(series, span.getName());
      if (operation != null) {
        operation.record(duration, error);
      }
    }
    SpanContext key = serverKey(span, type);
    if (key == null) {
      return;
    }
    String traceId = key.getTraceId();
    String spanId = key.getSpanId();
    PendingSpans.Side client = pending.take(traceId, spanId);
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
            traceId, spanId, false, service, null, type, duration, error, nowMillis));
  }

  /** The client's context a server span answers: its parent, or a consumer's first link. */
  private static @Nullable SpanContext serverKey(SpanData span, ConnectionType type) {
    if (type == ConnectionType.MESSAGING_SYSTEM) {
      List<LinkData> links = span.getLinks();
      if (!links.isEmpty()) {
        return links.get(0).getSpanContext();
      }
    }
    SpanContext parent = span.getParentSpanContext();
    return parent.isValid() ? parent : null;
  }

  private void client(SpanData span, String service, long duration, ConnectionType type) {
    boolean error = ErrorRules.failed(span, false);
    Attributes attributes = span.getAttributes();
    if (type == ConnectionType.DIRECT && PeerNames.isDatabase(attributes)) {
      String database = PeerNames.peer(attributes);
      if (database != null) {
        call(service, database, ConnectionType.DATABASE, duration, error, -1, false);
        return;
      }
    }
    SpanContext self = span.getSpanContext();
    String traceId = self.getTraceId();
    String spanId = self.getSpanId();
    PendingSpans.Side server = pending.take(traceId, spanId);
    if (server != null) {
      call(
          service, server.service(), type, duration, error, server.durationNanos(), server.error());
      return;
    }
    hold(
        new PendingSpans.Side(
            traceId, spanId, true, service, attributes, type, duration, error, nowMillis));
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
      Attributes attributes = side.attributes();
      String peer = attributes == null ? null : PeerNames.peer(attributes);
      if (peer != null) {
        call(
            side.service(),
            peer,
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

  private String serviceOf(Resource resource) {
    if (resource != lastResource) {
      String name = resource.getAttribute(SERVICE_NAME);
      lastService = name == null || name.isEmpty() ? UNKNOWN_SERVICE : name;
      lastResource = resource;
    }
    return lastService;
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
