package io.vigil.spring;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.vigil.logback.VigilJsonEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

class VigilStructuredLogFormatterTest {

  private final ObjectMapper json = new ObjectMapper();
  private final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();

  private LoggingEvent event() {
    LoggingEvent event =
        new LoggingEvent(
            "test", context.getLogger("orders"), Level.WARN, "paid {}", null, new Object[] {"x"});
    event.addKeyValuePair(new org.slf4j.event.KeyValuePair("password", "hunter2"));
    event.addKeyValuePair(new org.slf4j.event.KeyValuePair("order", "42"));
    return event;
  }

  @Test
  void writesVigilsJsonWithTheServiceFromTheEnvironment() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("spring.application.name", "checkout")
            .withProperty("spring.application.version", "1.2.3");
    String line = new VigilStructuredLogFormatter(environment).format(event());
    assertThat(line).endsWith("\n").doesNotContain("hunter2");
    JsonNode node = json.readTree(line);
    assertThat(node.get("service").asString()).isEqualTo("checkout");
    assertThat(node.get("service_version").asString()).isEqualTo("1.2.3");
    assertThat(node.get("message").asString()).isEqualTo("paid x");
    assertThat(node.get("order").asString()).isEqualTo("42");
  }

  @Test
  void theVersionIsTheBuildInfosWhenTheBuildWroteOne() {
    MockEnvironment environment =
        new MockEnvironment()
            .withProperty("spring.application.name", "checkout")
            .withProperty("spring.application.version", "0.9.0")
            .withProperty(
                "spring.info.build.location", "classpath:io/vigil/spring/build-info.properties");
    JsonNode node = json.readTree(new VigilStructuredLogFormatter(environment).format(event()));
    assertThat(node.get("service_version").asString()).isEqualTo("1.4.2");
  }

  @Test
  void hasExactlyTheFieldsOfVigilJsonEncoder() {
    VigilJsonEncoder encoder = new VigilJsonEncoder();
    encoder.setContext(context);
    encoder.setServiceName("checkout");
    encoder.setServiceVersion("1.2.3");
    encoder.start();
    LoggingEvent event = event();
    JsonNode fromEncoder = json.readTree(new String(encoder.encode(event), StandardCharsets.UTF_8));
    JsonNode fromFormatter =
        json.readTree(
            new String(
                new VigilStructuredLogFormatter("checkout", "1.2.3")
                    .formatAsBytes(event, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8));
    assertThat(names(fromFormatter)).isEqualTo(names(fromEncoder)).contains("password");
    assertThat(fromFormatter.get("password")).isEqualTo(fromEncoder.get("password"));
  }

  private static Set<String> names(JsonNode node) {
    Set<String> names = new TreeSet<>();
    Iterator<String> it = node.propertyNames().iterator();
    it.forEachRemaining(names::add);
    return names;
  }
}
