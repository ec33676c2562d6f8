package io.vigil.otel;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.trace.TestSpanData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Finished spans for tests, built directly as the SDK hands them to an exporter. */
final class Spans {

  private static final AtomicLong IDS = new AtomicLong(1);

  private Spans() {}

  static String traceId() {
    return String.format("%032x", IDS.getAndIncrement());
  }

  static SpanContext context(String traceId) {
    return SpanContext.create(
        traceId,
        String.format("%016x", IDS.getAndIncrement()),
        TraceFlags.getSampled(),
        TraceState.getDefault());
  }

  static Resource service(String name) {
    return Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), name));
  }

  /** A span of {@code service} from {@code startMillis} lasting {@code millis}. */
  static TestSpanData.Builder span(
      String service, SpanKind kind, SpanContext self, long startMillis, long millis) {
    return TestSpanData.builder()
        .setSpanContext(self)
        .setParentSpanContext(SpanContext.getInvalid())
        .setResource(service(service))
        .setName(kind == SpanKind.SERVER ? "GET /" + service : "call")
        .setKind(kind)
        .setStartEpochNanos(startMillis * 1_000_000)
        .setEndEpochNanos((startMillis + millis) * 1_000_000)
        .setStatus(StatusData.unset())
        .setHasEnded(true)
        .setTotalRecordedEvents(0)
        .setTotalRecordedLinks(0)
        .setTotalAttributeCount(0);
  }

  /** A client span of {@code caller} and the server span of {@code callee} it caused. */
  static List<SpanData> call(
      String caller, String callee, long startMillis, long millis, boolean serverError) {
    SpanContext client = context(traceId());
    SpanContext server = context(client.getTraceId());
    SpanData serverSpan =
        span(callee, SpanKind.SERVER, server, startMillis + 1, Math.max(0, millis - 2))
            .setParentSpanContext(client)
            .setStatus(
                serverError ? StatusData.create(StatusCode.ERROR, "boom") : StatusData.unset())
            .build();
    SpanData clientSpan = span(caller, SpanKind.CLIENT, client, startMillis, millis).build();
    return List.of(serverSpan, clientSpan);
  }

  static LinkData link(SpanContext context) {
    return LinkData.create(context);
  }
}
