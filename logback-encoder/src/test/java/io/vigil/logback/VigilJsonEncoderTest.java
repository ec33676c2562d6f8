package io.vigil.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.marker.Markers;
import net.logstash.logback.util.ReusableByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;

class VigilJsonEncoderTest {

  @TempDir Path dir;

  @Test
  void writesTheSeedsInfoEventWithItsKeyValuesAtTheTopLevel() {
    try (LogbackFixture logback = LogbackFixture.load("seed.xml", dir)) {
      Instant before = Instant.now();
      // logger.info('User login attempt', user_id='user123', ip_address=..., user_agent=...)
      logback
          .logger("io.vigil.demo.UserService")
          .atInfo()
          .addKeyValue("user_id", "user123")
          .addKeyValue("ip_address", "192.168.1.100")
          .addKeyValue("user_agent", "Mozilla/5.0...")
          .log("User login attempt");

      JsonNode event = logback.onlyEvent();
      assertThat(fieldNames(event))
          .containsExactly(
              "timestamp",
              "level",
              "service",
              "service_version",
              "environment",
              "message",
              "logger",
              "thread",
              "user_id",
              "ip_address",
              "user_agent");
      String timestamp = event.get("timestamp").asString();
      assertThat(timestamp).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
      assertThat(Instant.parse(timestamp))
          .isBetween(before.minusMillis(1), Instant.now().plus(Duration.ofSeconds(1)));
      assertThat(event.get("level").asString()).isEqualTo("INFO");
      assertThat(event.get("service").asString()).isEqualTo("user-service");
      assertThat(event.get("service_version").asString()).isEqualTo("1.0.0");
      assertThat(event.get("environment").asString()).isEqualTo("test");
      assertThat(event.get("message").asString()).isEqualTo("User login attempt");
      assertThat(event.get("logger").asString()).isEqualTo("io.vigil.demo.UserService");
      assertThat(event.get("thread").asString()).isEqualTo(Thread.currentThread().getName());
      assertThat(event.get("user_id").asString()).isEqualTo("user123");
      assertThat(event.get("ip_address").asString()).isEqualTo("192.168.1.100");
    }
  }

  @Test
  void writesTheSeedsErrorEventWithTypeMessageAndStackTrace() {
    try (LogbackFixture logback = LogbackFixture.load("seed.xml", dir)) {
      IllegalStateException error = new IllegalStateException("connection refused");
      // logger.error('Operation failed', error=e, operation='risky_operation', user_id='user123')
      logback
          .logger("io.vigil.demo.UserService")
          .atError()
          .setCause(error)
          .addKeyValue("operation", "risky_operation")
          .addKeyValue("user_id", "user123")
          .log("Operation failed");

      JsonNode event = logback.onlyEvent();
      assertThat(event.get("level").asString()).isEqualTo("ERROR");
      assertThat(event.get("message").asString()).isEqualTo("Operation failed");
      assertThat(event.get("error_type").asString()).isEqualTo("IllegalStateException");
      assertThat(event.get("error_message").asString()).isEqualTo("connection refused");
      assertThat(event.get("stack_trace").asString())
          .startsWith("java.lang.IllegalStateException: connection refused")
          .contains("writesTheSeedsErrorEventWithTypeMessageAndStackTrace");
      assertThat(event.get("operation").asString()).isEqualTo("risky_operation");
      assertThat(event.get("user_id").asString()).isEqualTo("user123");
    }
  }

  @Test
  void leavesErrorFieldsOutOfEventsWithoutAThrowable() {
    try (LogbackFixture logback = LogbackFixture.load("seed.xml", dir)) {
      logback.logger("a").warn("disk almost full");

      JsonNode event = logback.onlyEvent();
      assertThat(event.get("level").asString()).isEqualTo("WARN");
      assertThat(event.has("error_type")).isFalse();
      assertThat(event.has("error_message")).isFalse();
      assertThat(event.has("stack_trace")).isFalse();
      assertThat(event.has("filename")).as("caller data is off by default").isFalse();
    }
  }

  @Test
  void writesTheCallersFileAndLineWhenCallerDataIsOn() {
    try (LogbackFixture logback = LogbackFixture.load("caller-data.xml", dir)) {
      int line = new Throwable().getStackTrace()[0].getLineNumber() + 1;
      logback.logger("a").info("where am I");

      JsonNode event = logback.onlyEvent();
      assertThat(event.get("filename").asString()).isEqualTo("VigilJsonEncoderTest.java");
      assertThat(event.get("line_number").asInt()).isEqualTo(line);
      assertThat(event.has("caller_class_name")).isFalse();
      assertThat(event.has("caller_method_name")).isFalse();
    }
  }

  @Test
  void writesMdcEntriesStructuredArgumentsAndMarkersAsFields() {
    try (LogbackFixture logback = LogbackFixture.load("seed.xml", dir)) {
      MDC.put("request_id", "req-42");
      try {
        logback
            .logger("a")
            .info(
                Markers.append("tenant", "acme"),
                "order {} placed",
                StructuredArguments.kv("order_id", 1234));
      } finally {
        MDC.remove("request_id");
      }

      JsonNode event = logback.onlyEvent();
      assertThat(event.get("message").asString()).isEqualTo("order order_id=1234 placed");
      assertThat(event.get("request_id").asString()).isEqualTo("req-42");
      assertThat(event.get("order_id").asInt()).isEqualTo(1234);
      assertThat(event.get("tenant").asString()).isEqualTo("acme");
    }
  }

  @Test
  void worksWithNothingConfiguredAndTakesTheServiceNameFromOpenTelemetrysProperty() {
    System.setProperty("otel.service.name", "from-otel-property");
    try (LogbackFixture logback = LogbackFixture.load("one-line.xml", dir)) {
      logback.logger("a").debug("hello");

      JsonNode event = logback.onlyEvent();
      assertThat(event.get("service").asString()).isEqualTo("from-otel-property");
      assertThat(event.has("service_version")).isFalse();
      assertThat(event.has("environment")).isFalse();
      assertThat(event.get("level").asString()).isEqualTo("DEBUG");
    } finally {
      System.clearProperty("otel.service.name");
    }
  }

  @Test
  void honoursRenamedFieldsShortenedStackTracesAndTheValueLimit() {
    try (LogbackFixture logback = LogbackFixture.load("customized.xml", dir)) {
      Logger logger = logback.logger("a");
      logger
          .atError()
          .setCause(new RuntimeException("outer", new IllegalArgumentException("root")))
          .addKeyValue("iban", "DE89370400440532013000")
          .addKeyValue("password", "not-sensitive-here")
          .log("x".repeat(500));

      JsonNode event = logback.onlyEvent();
      assertThat(event.has("@timestamp")).isTrue();
      assertThat(event.get("service.name").asString()).isEqualTo("billing");
      assertThat(event.has("thread")).as("[ignore] leaves the field out").isFalse();
      assertThat(event.get("msg").asString())
          .isEqualTo("x".repeat(100) + "...[truncated 400 chars]");
      assertThat(event.get("exception.type").asString()).isEqualTo("java.lang.RuntimeException");
      String stackTrace = event.get("exception.stacktrace").asString();
      assertThat(stackTrace)
          .as("root cause first, cut to the value limit by ShortenedThrowableConverter's maxLength")
          .startsWith("java.lang.IllegalArgumentException: root")
          .hasSize(100)
          .endsWith("..." + System.lineSeparator());
      assertThat(event.get("iban").asString()).isEqualTo("[redacted]");
      assertThat(event.get("password").asString())
          .as("the words replace the defaults")
          .isEqualTo("not-sensitive-here");
    }
  }

  @Test
  void keepsTheValueLimitWhenTheMessageIsSplitIntoLines() {
    try (LogbackFixture logback = LogbackFixture.load("split-and-array.xml", dir)) {
      logback.logger("a").info("line with password=hunter2\n" + "x\n".repeat(100_000));

      JsonNode message = logback.onlyEvent().get("message");
      assertThat(message.isArray()).isTrue();
      List<String> lines = new ArrayList<>();
      message.forEach(line -> lines.add(line.asString()));
      assertThat(lines.get(0)).isEqualTo("line with password=****");
      assertThat(String.join("\n", lines))
          .as("cut to the limit, then split")
          .hasSizeLessThan(200 + 40)
          .endsWith("...[truncated " + (27 + 200_000 - 200) + " chars]");
    }
  }

  @Test
  void cutsAStackTraceOfTheDefaultConverterToTheValueLimitWithTheMarker() {
    try (LogbackFixture logback = LogbackFixture.load("small-limit.xml", dir)) {
      logback.logger("a").error("failed", new IllegalStateException("x".repeat(10_000)));

      String stackTrace = logback.onlyEvent().get("stack_trace").asString();
      assertThat(stackTrace)
          .startsWith("java.lang.IllegalStateException: xxx")
          .matches("java\\.lang\\.IllegalStateException: x{4063}\\.\\.\\.\\[truncated \\d+ chars]");
    }
  }

  @Test
  void keepsTheValueLimitWhenTheStackTraceIsWrittenAsAnArray() {
    try (LogbackFixture logback = LogbackFixture.load("split-and-array.xml", dir)) {
      logback.logger("a").error("failed", new IllegalStateException("login pwd=hunter2"));

      JsonNode stackTrace = logback.onlyEvent().get("stack_trace");
      assertThat(stackTrace.isArray()).isTrue();
      List<String> lines = new ArrayList<>();
      stackTrace.forEach(line -> lines.add(line.asString()));
      assertThat(lines.get(0)).isEqualTo("java.lang.IllegalStateException: login pwd=****");
      assertThat(lines.get(lines.size() - 1)).endsWith("...");
      assertThat(lines.stream().mapToInt(line -> line.length() + 1).sum())
          .as("the converter cut the trace to the limit before it was split")
          .isLessThanOrEqualTo(200);
    }
  }

  @Test
  void shortenedStackTracesKeepTheConfiguredDepth() {
    try (LogbackFixture logback = LogbackFixture.load("shortened-stack-traces.xml", dir)) {
      logback.logger("a").error("failed", new IllegalStateException("boom"));

      String stackTrace = logback.onlyEvent().get("stack_trace").asString();
      long frames = stackTrace.lines().filter(l -> l.startsWith("\tat ")).count();
      assertThat(frames).isEqualTo(3);
      assertThat(stackTrace).contains("frames truncated");
    }
  }

  @Test
  void writesEveryEventOnItsOwnLine() {
    try (LogbackFixture logback = LogbackFixture.load("seed.xml", dir)) {
      for (int i = 0; i < 50; i++) {
        logback.logger("a").atInfo().addKeyValue("i", i).log("event {}", i);
      }

      List<JsonNode> events = logback.events();
      assertThat(events).hasSize(50);
      for (int i = 0; i < 50; i++) {
        assertThat(events.get(i).get("i").asInt()).isEqualTo(i);
        assertThat(events.get(i).get("message").asString()).isEqualTo("event " + i);
      }
    }
  }

  @Test
  void streamsOneWholeLineEvenWhenAValueFailsToSerialize() throws Exception {
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    VigilJsonEncoder encoder = new VigilJsonEncoder();
    encoder.setContext(context);
    encoder.start();
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(), context.getLogger("a"), Level.INFO, "bad {}", null, null);
    event.addKeyValuePair(new KeyValuePair("order", new HostileInputTest.ExplodingBean()));
    event.addKeyValuePair(new KeyValuePair("password", "hunter2"));

    ReusableByteBuffer appenderBuffer = new ReusableByteBuffer(64);
    encoder.encode(event, appenderBuffer);
    ByteArrayOutputStream plainStream = new ByteArrayOutputStream();
    encoder.encode(event, plainStream);
    byte[] bytes = encoder.encode(event);

    for (String out :
        List.of(
            new String(appenderBuffer.toByteArray(), StandardCharsets.UTF_8),
            plainStream.toString(StandardCharsets.UTF_8),
            new String(bytes, StandardCharsets.UTF_8))) {
      assertThat(out).endsWith(System.lineSeparator()).doesNotContain("hunter2");
      assertThat(out.strip().lines()).hasSize(1);
      JsonNode line = LogbackFixture.parse(out);
      assertThat(line.get("message").asString()).isEqualTo("bad {}");
      assertThat(line.get("encoder_error").asString()).contains("getting the total failed");
    }
    encoder.stop();
  }

  private static List<String> fieldNames(JsonNode event) {
    return event.propertyNames().stream().toList();
  }
}
