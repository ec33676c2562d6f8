package io.vigil.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;

/**
 * The path a Spring Boot {@code StructuredLogFormatter<ILoggingEvent>} takes: Vigil's format made
 * in code, with a {@link LoggerContext} and no appender, turning one event into one line.
 */
class ProgrammaticUseTest {

  private final LoggerContext context = new LoggerContext();

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void aStartedEncoderTurnsAnEventIntoOneLine() {
    VigilJsonEncoder encoder = new VigilJsonEncoder();
    encoder.setContext(context);
    encoder.setServiceName("orders");
    encoder.setEnvironment("test");
    encoder.start();

    String line = new String(encoder.encode(event()), StandardCharsets.UTF_8);

    assertThat(line).endsWith("\n").doesNotContain("hunter2");
    JsonNode event = LogbackFixture.parse(line);
    assertThat(event.get("service").asString()).isEqualTo("orders");
    assertThat(event.get("environment").asString()).isEqualTo("test");
    assertThat(event.get("level").asString()).isEqualTo("WARN");
    assertThat(event.get("message").asString()).isEqualTo("retry 3 with pwd=****");
    assertThat(event.get("order_id").asString()).isEqualTo("o-1");
    assertThat(event.get("request_id").asString()).isEqualTo("req-7");
    assertThat(event.get("error_type").asString()).isEqualTo("IllegalStateException");
    encoder.stop();
  }

  @Test
  void aStartedFormatterWritesTheSameObjectWithoutTheLineSeparator() throws Exception {
    ContextAwareBase origin = new ContextAwareBase();
    origin.setContext(context);
    VigilJsonFormatter formatter = new VigilJsonFormatter(origin);
    formatter.setContext(context);
    formatter.setServiceName("orders");
    formatter.setEnvironment("test");
    formatter.start();
    VigilJsonEncoder encoder = new VigilJsonEncoder();
    encoder.setContext(context);
    encoder.setServiceName("orders");
    encoder.setEnvironment("test");
    encoder.start();
    LoggingEvent event = event();

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    formatter.writeEvent(event, out);

    String fromFormatter = out.toString(StandardCharsets.UTF_8);
    String fromEncoder = new String(encoder.encode(event), StandardCharsets.UTF_8);
    assertThat(fromFormatter).doesNotContain("\n").startsWith("{").endsWith("}");
    assertThat(fromEncoder).isEqualTo(fromFormatter + System.lineSeparator());
    formatter.stop();
    encoder.stop();
  }

  private LoggingEvent event() {
    context.setMDCAdapter(new LogbackMDCAdapter());
    LoggingEvent event =
        new LoggingEvent(
            ProgrammaticUseTest.class.getName(),
            context.getLogger("io.vigil.demo.Orders"),
            Level.WARN,
            "retry {} with pwd=hunter2",
            new IllegalStateException("timeout"),
            new Object[] {3});
    event.addKeyValuePair(new KeyValuePair("order_id", "o-1"));
    event.setMDCPropertyMap(Map.of("request_id", "req-7"));
    return event;
  }
}
