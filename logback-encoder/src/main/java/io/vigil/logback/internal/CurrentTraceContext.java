package io.vigil.logback.internal;

import tools.jackson.core.JsonGenerator;

/**
 * Writes the trace and span ids of the caller's current trace context, if there is one.
 *
 * <p>Implementations never throw and write nothing when no span is current.
 */
public interface CurrentTraceContext {

  /** The context used when OpenTelemetry is absent: never writes anything. */
  CurrentTraceContext NONE = (generator, traceIdFieldName, spanIdFieldName) -> {};

  /** Name of the class whose presence tells that opentelemetry-api is on the classpath. */
  String OPENTELEMETRY_SPAN_CLASS = "io.opentelemetry.api.trace.Span";

  /**
   * Writes the current trace id and span id under the given field names, or nothing at all.
   *
   * @param generator where to write the two fields
   * @param traceIdFieldName the name of the trace id field
   * @param spanIdFieldName the name of the span id field
   */
  void writeTo(JsonGenerator generator, String traceIdFieldName, String spanIdFieldName);

  /**
   * Returns the OpenTelemetry-backed context when {@code opentelemetry-api} is visible to the given
   * class loader, {@link #NONE} otherwise.
   *
   * @param classLoader the loader that loaded the encoder
   */
  static CurrentTraceContext detect(ClassLoader classLoader) {
    try {
      Class.forName(OPENTELEMETRY_SPAN_CLASS, false, classLoader);
    } catch (ClassNotFoundException | LinkageError absent) {
      return NONE;
    }
    // Only reached when the API is present, so OpenTelemetryTraceContext links safely.
    return new OpenTelemetryTraceContext();
  }
}
