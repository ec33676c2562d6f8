package io.vigil.logback;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

class TraceContextJsonProviderTest {

  @TempDir Path dir;

  private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder().build();
  private final Tracer tracer = tracerProvider.get("test");

  @AfterEach
  void closeTracerProvider() {
    tracerProvider.close();
  }

  @Test
  void writesTheCurrentSpansTraceAndSpanIds() {
    try (LogbackFixture logback = LogbackFixture.load("seed.xml", dir)) {
      Span span = tracer.spanBuilder("checkout").startSpan();
      try (Scope ignored = span.makeCurrent()) {
        logback.logger("a").info("inside");
      } finally {
        span.end();
      }

      JsonNode event = logback.onlyEvent();
      assertThat(event.get("trace_id").asString())
          .isEqualTo(span.getSpanContext().getTraceId())
          .hasSize(32);
      assertThat(event.get("span_id").asString())
          .isEqualTo(span.getSpanContext().getSpanId())
          .hasSize(16);
    }
  }

  @Test
  void followsTheCurrentSpanFromEventToEvent() {
    try (LogbackFixture logback = LogbackFixture.load("seed.xml", dir)) {
      Span parent = tracer.spanBuilder("parent").startSpan();
      Span child;
      try (Scope ignored = parent.makeCurrent()) {
        logback.logger("a").info("in parent");
        child = tracer.spanBuilder("child").startSpan();
        try (Scope alsoIgnored = child.makeCurrent()) {
          logback.logger("a").info("in child");
        } finally {
          child.end();
        }
      } finally {
        parent.end();
      }
      logback.logger("a").info("after");

      List<JsonNode> events = logback.events();
      assertThat(events.get(0).get("span_id").asString())
          .isEqualTo(parent.getSpanContext().getSpanId());
      assertThat(events.get(1).get("span_id").asString())
          .isEqualTo(child.getSpanContext().getSpanId());
      assertThat(events.get(1).get("trace_id").asString())
          .isEqualTo(parent.getSpanContext().getTraceId());
      assertThat(events.get(2).has("trace_id")).isFalse();
      assertThat(events.get(2).has("span_id")).isFalse();
    }
  }

  @Test
  void leavesTheIdsToTheMdcWhenItAlreadyCarriesThem() {
    try (LogbackFixture logback = LogbackFixture.load("seed.xml", dir)) {
      Span span = tracer.spanBuilder("checkout").startSpan();
      MDC.put("trace_id", "from-mdc");
      try (Scope ignored = span.makeCurrent()) {
        logback.logger("a").info("inside");
      } finally {
        MDC.remove("trace_id");
        span.end();
      }

      String line = logback.lines().get(0);
      assertThat(line.split("\"trace_id\"", -1)).as("trace_id written once").hasSize(2);
      assertThat(LogbackFixture.parse(line).get("trace_id").asString()).isEqualTo("from-mdc");
    }
  }

  @Test
  void writesNoIdsWhenTraceCorrelationIsOff() {
    try (LogbackFixture logback = LogbackFixture.load("customized.xml", dir)) {
      Span span = tracer.spanBuilder("checkout").startSpan();
      try (Scope ignored = span.makeCurrent()) {
        logback.logger("a").info("inside");
      } finally {
        span.end();
      }

      assertThat(logback.onlyEvent().has("trace_id")).isFalse();
    }
  }

  @Test
  void leavesOutAnIgnoredSpanIdFieldForTheCurrentSpan() {
    try (LogbackFixture logback = LogbackFixture.load("ignored-span-id.xml", dir)) {
      Span span = tracer.spanBuilder("checkout").startSpan();
      try (Scope ignored = span.makeCurrent()) {
        logback.logger("a").info("inside");
      } finally {
        span.end();
      }

      JsonNode event = logback.onlyEvent();
      assertThat(event.get("trace.id").asString()).isEqualTo(span.getSpanContext().getTraceId());
      assertThat(event.has("[ignore]")).as("a field literally named [ignore]").isFalse();
      assertThat(event.has("span_id")).isFalse();
    }
  }

  @Test
  void leavesOutAnIgnoredSpanIdFieldForIdsFromTheMdc() {
    try (LogbackFixture logback = LogbackFixture.load("ignored-span-id.xml", dir)) {
      MDC.put("traceId", "4bf92f3577b34da6a3ce929d0e0e4736");
      MDC.put("spanId", "00f067aa0ba902b7");
      try {
        logback.logger("a").info("inside");
      } finally {
        MDC.clear();
      }

      JsonNode event = logback.onlyEvent();
      assertThat(event.get("trace.id").asString()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
      assertThat(event.has("[ignore]")).isFalse();
      assertThat(event.has("spanId")).isFalse();
    }
  }
}
