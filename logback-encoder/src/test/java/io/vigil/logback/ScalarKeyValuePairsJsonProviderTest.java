package io.vigil.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.KeyValuePair;
import tools.jackson.databind.JsonNode;

class ScalarKeyValuePairsJsonProviderTest {

  private final LoggerContext context = new LoggerContext();

  @AfterEach
  void stop() {
    context.stop();
  }

  @Test
  void writesEveryValueTypeExactlyAsLogstashLogbackEncoderDoes() {
    context.setMDCAdapter(new LogbackMDCAdapter());
    LoggingEvent event = event();
    List<String> keys =
        List.of("text", "hostile", "int", "long", "bool", "double", "decimal", "map", "list");
    for (String key : keys) {
      event.addKeyValuePair(new KeyValuePair(key, valueFor(key)));
    }
    event.addKeyValuePair(new KeyValuePair("absent", null));

    JsonNode vigil = encode(vigilEncoder(), event);
    JsonNode logstash = encode(logstashEncoder(), event);

    for (String key : keys) {
      assertThat(vigil.get(key)).as(key).isNotNull().isEqualTo(logstash.get(key));
    }
    assertThat(vigil.get("int").isInt()).isTrue();
    assertThat(vigil.get("long").isLong()).isTrue();
    assertThat(vigil.get("bool").isBoolean()).isTrue();
    assertThat(vigil.has("absent")).isEqualTo(logstash.has("absent")).isFalse();
  }

  @Test
  void masksScalarValuesOfSensitiveKeys() {
    context.setMDCAdapter(new LogbackMDCAdapter());
    LoggingEvent event = event();
    event.addKeyValuePair(new KeyValuePair("pin_token", 1234));
    event.addKeyValuePair(new KeyValuePair("has_password", true));
    event.addKeyValuePair(new KeyValuePair("user_id", 7L));

    JsonNode vigil = encode(vigilEncoder(), event);

    assertThat(vigil.get("pin_token").asString()).isEqualTo("****");
    assertThat(vigil.get("has_password").asString()).isEqualTo("****");
    assertThat(vigil.get("user_id").asLong()).isEqualTo(7L);
  }

  private static Object valueFor(String key) {
    return switch (key) {
      case "text" -> "user123";
      case "hostile" -> "a\"b\\c\nd\u0001e\u00e9\ud83d\ude00";
      case "int" -> 42;
      case "long" -> 1L << 40;
      case "bool" -> true;
      case "double" -> 1.5;
      case "decimal" -> new BigDecimal("12.50");
      case "map" -> Map.of("a", 1);
      default -> List.of("x", 2);
    };
  }

  private LoggingEvent event() {
    Logger logger = context.getLogger("a");
    return new LoggingEvent(Logger.class.getName(), logger, Level.INFO, "m", null, null);
  }

  private VigilJsonEncoder vigilEncoder() {
    VigilJsonEncoder encoder = new VigilJsonEncoder();
    encoder.setContext(context);
    encoder.start();
    return encoder;
  }

  private LogstashEncoder logstashEncoder() {
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.start();
    return encoder;
  }

  private static JsonNode encode(
      net.logstash.logback.encoder.CompositeJsonEncoder<ch.qos.logback.classic.spi.ILoggingEvent>
          encoder,
      LoggingEvent event) {
    return LogbackFixture.parse(new String(encoder.encode(event), StandardCharsets.UTF_8).trim());
  }
}
