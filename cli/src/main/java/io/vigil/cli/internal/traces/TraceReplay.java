package io.vigil.cli.internal.traces;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.vigil.otel.VigilSpanExporter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays recorded spans, minute by minute, through a {@link VigilSpanExporter} in event time: the
 * same learning as a live service, with steps closed by the spans' own end times.
 */
final class TraceReplay {

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final AttributeKey<String> PEER_SERVICE = AttributeKey.stringKey("peer.service");
  private static final int BATCH = 512;

  private final VigilSpanExporter exporter;
  private final SpanKinds kinds = new SpanKinds();
  private final Map<String, Resource> resources = new HashMap<>();
  private long lastEndNanos;

  TraceReplay(Duration step, SignalRecorder recorder) {
    this.exporter =
        VigilSpanExporter.builder()
            .step(step)
            .signalListener(recorder)
            .eventTime(true)
            .learningQueueSize(0)
            .idleCheckInterval(Duration.ZERO)
            .build();
  }

  /**
   * Exports one minute's spans in end-time order; {@code followsPrevious} when no minute is
   * missing.
   */
  void minute(List<NezhaSpan> spans, boolean followsPrevious) {
    kinds.next(spans, followsPrevious);
    List<SpanData> data = new ArrayList<>(spans.size());
    for (NezhaSpan span : spans) {
      data.add(toSpanData(span));
    }
    data.sort(Comparator.comparingLong(SpanData::getEndEpochNanos));
    for (int from = 0; from < data.size(); from += BATCH) {
      exporter.export(data.subList(from, Math.min(data.size(), from + BATCH)));
    }
    if (!data.isEmpty()) {
      lastEndNanos = Math.max(lastEndNanos, data.get(data.size() - 1).getEndEpochNanos());
    }
  }

  /** Closes the last step and stops the exporter. */
  void finish(Duration step) {
    exporter.advance(lastEndNanos / 1_000_000L + 2 * step.toMillis());
    exporter.shutdown().join(10, java.util.concurrent.TimeUnit.SECONDS);
  }

  private SpanData toSpanData(NezhaSpan span) {
    SpanKind kind = kinds.kind(span);
    Attributes attributes = Attributes.empty();
    if (kind == SpanKind.CLIENT) {
      attributes = Attributes.of(PEER_SERVICE, kinds.callee(span));
    }
    SpanContext parent =
        span.isRoot()
            ? SpanContext.getInvalid()
            : SpanContext.createFromRemoteParent(
                span.traceId(), span.parentId(), TraceFlags.getSampled(), TraceState.getDefault());
    return new ReplayedSpan(
        span.operation(),
        kind,
        SpanContext.create(
            span.traceId(), span.spanId(), TraceFlags.getSampled(), TraceState.getDefault()),
        parent,
        span.startNanos(),
        span.endNanos(),
        attributes,
        resources.computeIfAbsent(
            span.service(), s -> Resource.create(Attributes.of(SERVICE_NAME, s))));
  }
}
