package io.vigil.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.vigil.logback.internal.LoneSurrogateRepair;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

class HostileInputTest {

  @TempDir Path dir;

  @Test
  void
      writesEachHostileStringAsOneLineThatParsesBackToTheSameStringWithUnpairedSurrogatesReplaced() {
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
        String expected = LoneSurrogateRepair.repair(s);
        assertThat(event.get("message").asString()).isEqualTo(expected);
        assertThat(event.get("value").asString()).isEqualTo(expected);
        assertThat(event.get("key\r\n" + expected).asInt()).isEqualTo(1);
        assertThat(event.get("mdc\n" + expected).asString()).isEqualTo(expected);
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
  void writesUnpairedSurrogatesAsTheReplacementCharacterThatStrictParsersAccept() throws Exception {
    String lone = "high \uD800 low \uDC00 reversed \uDE00\uD83D trailing \uD83D";
    String threadName = Thread.currentThread().getName();
    try (LogbackFixture logback = LogbackFixture.load("small-limit.xml", dir)) {
      Thread.currentThread().setName("thread \uDBFF");
      try {
        MDC.put("k\uD800", lone);
        logback
            .logger("hostile \uDC01")
            .atError()
            .setCause(new IllegalStateException(lone))
            .addKeyValue(lone, Map.of("nested \uD801", lone))
            .log(lone + " emoji \uD83D\uDE00");
      } finally {
        MDC.clear();
        Thread.currentThread().setName(threadName);
      }

      String line = logback.lines().get(0);
      assertThat(line)
          .as("no escaped surrogate is left, paired ones are written as UTF-8")
          .doesNotContainPattern("(?i)(?<!\\\\)\\\\u[dD][89a-f]")
          .contains("emoji \uD83D\uDE00");
      StrictJson.assertEveryStringIsWellFormed(line);
      String repaired = LoneSurrogateRepair.repair(lone);
      JsonNode event = LogbackFixture.parse(line);
      assertThat(event.get("error_message").asString()).isEqualTo(repaired);
      assertThat(event.get("stack_trace").asString()).contains(repaired);
      assertThat(event.get("k\uFFFD").asString()).isEqualTo(repaired);
      assertThat(event.get("thread").asString()).isEqualTo("thread \uFFFD");
      assertThat(event.get("logger").asString()).isEqualTo("hostile \uFFFD");
      assertThat(event.get(repaired).get("nested \uFFFD").asString()).isEqualTo(repaired);
      StrictJson.assertJqAccepts(line);
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

  @Test
  void cutsAndMasksTheFallbackLinesMessageAndError() {
    String huge = "password=hunter2 " + "\uD800x".repeat(10_000);
    try (LogbackFixture logback = LogbackFixture.load("small-limit.xml", dir)) {
      logback.logger("hostile").atInfo().addKeyValue("order", new ExplodingBean(huge)).log(huge);

      String line = logback.lines().get(0);
      StrictJson.assertEveryStringIsWellFormed(line);
      JsonNode fallback = LogbackFixture.parse(line);
      String error = fallback.get("encoder_error").asString();
      assertThat(error)
          .contains("password=****")
          .contains("...[truncated ")
          .doesNotContain("hunter2");
      assertThat(error.substring(0, error.indexOf("...[truncated ")))
          .hasSizeLessThanOrEqualTo(4096);
      assertThat(fallback.get("message").asString())
          .startsWith("password=**** \uFFFDx")
          .endsWith(" chars]");
    }
  }

  /** A bean whose getter throws, as a lazily loaded entity might. */
  public static final class ExplodingBean {
    private final String reason;

    ExplodingBean() {
      this("getting the total failed");
    }

    ExplodingBean(String reason) {
      this.reason = reason;
    }

    /** Fails, as the serializer calls it. */
    public int getTotal() {
      throw new IllegalStateException(reason);
    }
  }
}
