package io.vigil.logback.internal;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import net.logstash.logback.composite.JsonWritingUtils;
import tools.jackson.core.JsonGenerator;

/**
 * Reads the trace and span ids from OpenTelemetry's current {@link Span}; loaded only when {@code
 * opentelemetry-api} is present (see {@link CurrentTraceContext#detect(ClassLoader)}).
 */
final class OpenTelemetryTraceContext implements CurrentTraceContext {

  @Override
  public void writeTo(JsonGenerator generator, String traceIdFieldName, String spanIdFieldName) {
    SpanContext spanContext = Span.current().getSpanContext();
    if (spanContext.isValid()) {
      // Both through the library's writer, which leaves out a field named [ignore].
      JsonWritingUtils.writeStringField(generator, traceIdFieldName, spanContext.getTraceId());
      JsonWritingUtils.writeStringField(generator, spanIdFieldName, spanContext.getSpanId());
    }
  }
}
