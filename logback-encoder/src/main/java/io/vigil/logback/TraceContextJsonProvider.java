package io.vigil.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vigil.logback.internal.CurrentTraceContext;
import java.util.Map;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonWritingUtils;
import tools.jackson.core.JsonGenerator;

/**
 * Writes {@code trace_id} and {@code span_id} of the current OpenTelemetry span, when {@code
 * opentelemetry-api} is on the classpath and a valid span is current, and nothing otherwise.
 *
 * <p>The ids are read on the thread that encodes the event, which is the logging thread for
 * synchronous appenders. When the event's MDC already carries the trace id field (as
 * OpenTelemetry's Logback MDC instrumentation puts it there for asynchronous appenders), this
 * provider leaves it to the MDC provider, so the field is never written twice. The provider's
 * {@code fieldName} is the name of the trace id field; {@code spanIdFieldName} names the span id
 * field.
 */
public class TraceContextJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

  /** The default name of the trace id field. */
  public static final String FIELD_TRACE_ID = "trace_id";

  /** The default name of the span id field. */
  public static final String FIELD_SPAN_ID = "span_id";

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
    if (mdc != null && mdc.containsKey(traceIdFieldName)) {
      return;
    }
    traceContext.writeTo(generator, traceIdFieldName, spanIdFieldName);
  }

  /** Returns whether OpenTelemetry was found when the provider started. */
  public boolean isOpenTelemetryPresent() {
    return traceContext != CurrentTraceContext.NONE;
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
