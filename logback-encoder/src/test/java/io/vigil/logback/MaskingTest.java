package io.vigil.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.MDC;
import tools.jackson.databind.JsonNode;

class MaskingTest {

  @TempDir Path dir;

  @Test
  void masksSecretsInKeyValuePairsMdcAndNestedValuesByDefault() {
    try (LogbackFixture logback = LogbackFixture.load("seed.xml", dir)) {
      MDC.put("Authorization", "Bearer eyJhbGciOi");
      try {
        logback
            .logger("a")
            .atInfo()
            .addKeyValue("password", "hunter2")
            .addKeyValue("db.passwd", "hunter3")
            .addKeyValue("client_secret", "s3cr3t")
            .addKeyValue("refreshToken", "rt-1")
            .addKeyValue("api_key", "k1")
            .addKeyValue("apiKey", "k2")
            .addKeyValue("X-Api-Key", "k3")
            .addKeyValue("Set-Cookie", "session=abc")
            .addKeyValue("request", Map.of("user", "ann", "credentials", Map.of("password", "p")))
            .addKeyValue("user_id", "user123")
            .log("login");
      } finally {
        MDC.remove("Authorization");
      }

      JsonNode event = logback.onlyEvent();
      for (String field :
          new String[] {
            "Authorization",
            "password",
            "db.passwd",
            "client_secret",
            "refreshToken",
            "api_key",
            "apiKey",
            "X-Api-Key",
            "Set-Cookie"
          }) {
        assertThat(event.get(field).asString()).as(field).isEqualTo("****");
      }
      assertThat(event.at("/request/credentials/password").asString()).isEqualTo("****");
      assertThat(event.at("/request/user").asString()).isEqualTo("ann");
      assertThat(event.get("user_id").asString()).isEqualTo("user123");
      assertThat(logback.lines().get(0))
          .doesNotContain("hunter2", "hunter3", "s3cr3t", "rt-1", "eyJhbGciOi", "session=abc");
    }
  }

  @Test
  void masksAWholeObjectWhoseNameIsSensitive() {
    try (LogbackFixture logback = LogbackFixture.load("seed.xml", dir)) {
      logback.logger("a").atInfo().addKeyValue("secrets", Map.of("a", "1", "b", "2")).log("loaded");

      assertThat(logback.onlyEvent().get("secrets").asString()).isEqualTo("****");
    }
  }

  @Test
  void takesTheLibrarysValueMaskingDecoratorForPatternsInValues() {
    try (LogbackFixture logback = LogbackFixture.load("value-masking.xml", dir)) {
      logback
          .logger("a")
          .atInfo()
          .addKeyValue("card", "4111111111111111")
          .addKeyValue("password", "hunter2")
          .log("paid with 4111111111111111");

      JsonNode event = logback.onlyEvent();
      assertThat(event.get("message").asString()).isEqualTo("paid with ****");
      assertThat(event.get("card").asString()).isEqualTo("****");
      assertThat(event.get("password").asString()).isEqualTo("****");
    }
  }

  @Test
  void writesSecretsWhenMaskingIsSwitchedOff() {
    try (LogbackFixture logback = LogbackFixture.load("masking-off.xml", dir)) {
      logback.logger("a").atInfo().addKeyValue("password", "hunter2").log("login");

      assertThat(logback.onlyEvent().get("password").asString()).isEqualTo("hunter2");
    }
  }
}
