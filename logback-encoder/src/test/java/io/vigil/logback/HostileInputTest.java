package io.vigil.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

class HostileInputTest {

  @TempDir Path dir;

  @Test
  void writesEachHostileStringAsOneLineThatParsesBackToTheSameString() {
    List<String> strings = HostileInput.strings();
    try (LogbackFixture logback = LogbackFixture.load("small-limit.xml", dir)) {
      Logger logger = logback.logger("hostile");
      for (String s : strings) {
        MDC.put("mdc\n" + s, s);
        try {
          logger.atWarn().addKeyValue("value", s).addKeyValue("key\r\n" + s, 1).log(s);
        } finally {
          MDC.clear();
        }
      }

      List<String> lines = logback.lines();
      assertThat(lines).hasSize(strings.size());
      for (int i = 0; i < strings.size(); i++) {
        String s = strings.get(i);
        assertThat(lines.get(i)).doesNotContain("\r", "\u0000");
        JsonNode event = LogbackFixture.parse(lines.get(i));
        assertThat(event.get("message").asString()).isEqualTo(s);
        assertThat(event.get("value").asString()).isEqualTo(s);
        assertThat(event.get("key\r\n" + s).asInt()).isEqualTo(1);
        assertThat(event.get("mdc\n" + s).asString()).isEqualTo(s);
        assertThat(event.get("service").asString()).isEqualTo("hostile");
      }
    }
  }

  @Test
  void writesOnlyValidUtf8() throws Exception {
    try (LogbackFixture logback = LogbackFixture.load("small-limit.xml", dir)) {
      HostileInput.strings().forEach(s -> logback.logger("hostile").info(s));

      byte[] bytes = Files.readAllBytes(dir.resolve("small-limit.xml.log"));
      assertThatCode(() -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)))
          .as("strict UTF-8 decoding reports malformed input")
          .doesNotThrowAnyException();
    }
  }

  @Test
  void cutsAOneMegabyteMessageToTheLimitWithAMarker() {
    String huge = "ä".repeat(1 << 20);
    try (LogbackFixture logback = LogbackFixture.load("small-limit.xml", dir)) {
      logback.logger("hostile").atError().addKeyValue("payload", huge).log(huge);
      logback.logger("hostile").info("next");

      List<String> lines = logback.lines();
      assertThat(lines).hasSize(2);
      JsonNode event = LogbackFixture.parse(lines.get(0));
      String expected = "ä".repeat(4096) + "...[truncated " + ((1 << 20) - 4096) + " chars]";
      assertThat(event.get("message").asString()).isEqualTo(expected);
      assertThat(event.get("payload").asString()).isEqualTo(expected);
      assertThat(LogbackFixture.parse(lines.get(1)).get("message").asString()).isEqualTo("next");
    }
  }

  @Test
  void writesAOneMegabyteMessageWholeWhenTheLimitIsOff() {
    String huge = "x\n".repeat(1 << 19);
    try (LogbackFixture logback = LogbackFixture.load("no-limit.xml", dir)) {
      logback.logger("hostile").info(huge);

      assertThat(logback.onlyEvent().get("message").asString()).isEqualTo(huge);
    }
  }

  @Test
  void writesAFallbackLineWhenAValueCannotBeSerialized() {
    try (LogbackFixture logback = LogbackFixture.load("small-limit.xml", dir)) {
      logback
          .logger("hostile")
          .atInfo()
          .addKeyValue("order", new ExplodingBean())
          .log("with a bad value\nand a newline");
      logback.logger("hostile").info("after");

      List<JsonNode> events = logback.events();
      assertThat(events).hasSize(2);
      JsonNode fallback = events.get(0);
      assertThat(fallback.get("message").asString()).isEqualTo("with a bad value\nand a newline");
      assertThat(fallback.get("level").asString()).isEqualTo("INFO");
      assertThat(fallback.get("service").asString()).isEqualTo("hostile");
      assertThat(fallback.get("logger").asString()).isEqualTo("hostile");
      assertThat(fallback.get("encoder_error").asString()).contains("getting the total failed");
      assertThat(events.get(1).get("message").asString()).isEqualTo("after");
    }
  }

  /** A bean whose getter throws, as a lazily loaded entity might. */
  public static final class ExplodingBean {
    /** Fails, as the serializer calls it. */
    public int getTotal() {
      throw new IllegalStateException("getting the total failed");
    }
  }
}
