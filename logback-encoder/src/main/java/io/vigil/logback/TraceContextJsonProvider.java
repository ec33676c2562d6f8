package io.vigil.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vigil.logback.internal.CurrentTraceContext;
import java.util.List;
import java.util.Map;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonWritingUtils;
import tools.jackson.core.JsonGenerator;

/**
 * Writes {@code trace_id} and {@code span_id}: those the event's MDC carries, else those of the
 * current OpenTelemetry span (when {@code opentelemetry-api} is on the classpath and a valid span
 * is current), else nothing.
 *
 * <p>The MDC is read first because it was filled on the thread that logged: OpenTelemetry's Logback
 * MDC instrumentation puts the ids there as {@code trace_id} and {@code span_id}, Micrometer
 * Tracing (and so Spring Boot) as {@code traceId} and {@code spanId}, so the ids survive
 * asynchronous appenders, which encode on another thread. The current span is read on the thread
 * that encodes, which is the logging thread only for synchronous appenders. Vigil's formatter keeps
 * these MDC keys out of the MDC fields, so each id is written once. The provider's {@code
 * fieldName} is the name of the trace id field; {@code spanIdFieldName} names the span id field.
 */
public class TraceContextJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

  /** The default name of the trace id field. */
  public static final String FIELD_TRACE_ID = "trace_id";

  /** The default name of the span id field. */
  public static final String FIELD_SPAN_ID = "span_id";

  /**
   * The MDC keys read for the ids, trace id then span id, in order of preference: OpenTelemetry's
   * Logback MDC instrumentation, then Micrometer Tracing and Spring Boot.
   */
  public static final List<String> MDC_KEYS =
      List.of(FIELD_TRACE_ID, FIELD_SPAN_ID, "traceId", "spanId");

  private String spanIdFieldName = FIELD_SPAN_ID;
  private CurrentTraceContext traceContext = CurrentTraceContext.NONE;

  /** Creates the provider with the default field names. */
  public TraceContextJsonProvider() {
    setFieldName(FIELD_TRACE_ID);
  }

  @Override
  public void start() {
    traceContext = CurrentTraceContext.detect(TraceContextJsonProvider.class.getClassLoader());
    super.start();
  }

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    String traceIdFieldName = getFieldName();
    if (!JsonWritingUtils.shouldWriteField(traceIdFieldName)) {
      return;
    }
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null && !mdc.isEmpty()) {
      for (int i = 0; i < MDC_KEYS.size(); i += 2) {
        String traceId = mdc.get(MDC_KEYS.get(i));
        if (traceId != null && !traceId.isEmpty()) {
          generator.writeStringProperty(traceIdFieldName, traceId);
          String spanId = mdc.get(MDC_KEYS.get(i + 1));
          if (spanId != null && !spanId.isEmpty()) {
            JsonWritingUtils.writeStringField(generator, spanIdFieldName, spanId);
          }
          return;
        }
      }
    }
    traceContext.writeTo(generator, traceIdFieldName, spanIdFieldName);
  }

  /** Returns the name of the span id field. */
  public String getSpanIdFieldName() {
    return spanIdFieldName;
  }

  /** Sets the name of the span id field (default {@value #FIELD_SPAN_ID}). */
  public void setSpanIdFieldName(String spanIdFieldName) {
    this.spanIdFieldName = spanIdFieldName;
  }
}
