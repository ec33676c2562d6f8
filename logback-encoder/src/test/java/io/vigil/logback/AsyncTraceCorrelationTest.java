package io.vigil.logback;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

/**
 * Trace correlation through Logback's {@code AsyncAppender}, whose worker thread encodes the event
 * where no span is current: the ids must come from the MDC the logging thread filled.
 */
class AsyncTraceCorrelationTest {

  @TempDir Path dir;

  private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder().build();

  @AfterEach
  void cleanUp() {
    MDC.clear();
    tracerProvider.close();
  }

  @Test
  void writesTheIdsThatOpenTelemetrysMdcInstrumentationPutsInTheMdc() {
    Span span = tracerProvider.get("test").spanBuilder("checkout").startSpan();
    SpanContext ids = span.getSpanContext();

    String line =
        logInSpan(span, () -> putAll("trace_id", ids.getTraceId(), "span_id", ids.getSpanId()));

    assertWrittenOnce(line, ids);
  }

  @Test
  void writesMicrometerTracingsIdsUnderVigilsNames() {
    Span span = tracerProvider.get("test").spanBuilder("checkout").startSpan();
    SpanContext ids = span.getSpanContext();

    String line =
        logInSpan(span, () -> putAll("traceId", ids.getTraceId(), "spanId", ids.getSpanId()));

    assertWrittenOnce(line, ids);
    JsonNode event = LogbackFixture.parse(line);
    assertThat(event.has("traceId")).isFalse();
    assertThat(event.has("spanId")).isFalse();
  }

  @Test
  void writesTheIdsOnceWhenBothConventionsFillTheMdc() {
    Span span = tracerProvider.get("test").spanBuilder("checkout").startSpan();
    SpanContext ids = span.getSpanContext();

    String line =
        logInSpan(
            span,
            () -> {
              putAll("trace_id", ids.getTraceId(), "span_id", ids.getSpanId());
              putAll("traceId", ids.getTraceId(), "spanId", ids.getSpanId());
            });

    assertWrittenOnce(line, ids);
    assertThat(LogbackFixture.parse(line).get("request_id").asString()).isEqualTo("req-1");
  }

  @Test
  void losesTheCurrentSpanWhenNothingPutsItInTheMdc() {
    Span span = tracerProvider.get("test").spanBuilder("checkout").startSpan();

    String line = logInSpan(span, () -> {});

    JsonNode event = LogbackFixture.parse(line);
    assertThat(event.has("trace_id")).as("the worker thread has no current span").isFalse();
    assertThat(event.get("message").asString()).isEqualTo("inside");
  }

  /** Logs one event inside the span from this thread and returns the line the worker wrote. */
  private String logInSpan(Span span, Runnable fillMdc) {
    LogbackFixture logback = LogbackFixture.load("async.xml", dir);
    try (Scope ignored = span.makeCurrent()) {
      MDC.put("request_id", "req-1");
      fillMdc.run();
      logback.logger("a").info("inside");
    } finally {
      MDC.clear();
      span.end();
    }
    // Stopping the context drains the AsyncAppender's queue into the file.
    logback.close();
    List<String> lines = logback.lines();
    assertThat(lines).hasSize(1);
    return lines.get(0);
  }

  private static void putAll(String traceKey, String traceId, String spanKey, String spanId) {
    MDC.put(traceKey, traceId);
    MDC.put(spanKey, spanId);
  }

  private static void assertWrittenOnce(String line, SpanContext ids) {
    assertThat(line.split("\"trace_id\"", -1)).as("trace_id written once: %s", line).hasSize(2);
    assertThat(line.split("\"span_id\"", -1)).as("span_id written once: %s", line).hasSize(2);
    JsonNode event = LogbackFixture.parse(line);
    assertThat(event.get("trace_id").asString()).isEqualTo(ids.getTraceId());
    assertThat(event.get("span_id").asString()).isEqualTo(ids.getSpanId());
  }
}
