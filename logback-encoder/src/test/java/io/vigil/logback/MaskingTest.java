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

  @Test
  void masksSecretsInsideMdcValuesKeyValuesTheMessageAndTheErrorByDefault() {
    try (LogbackFixture logback = LogbackFixture.load("seed.xml", dir)) {
      MDC.put("header", "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig");
      try {
        logback
            .logger("a")
            .atError()
            .setCause(new IllegalStateException("refresh failed: token=rt-77"))
            .addKeyValue("query", "user=bob&password=hunter2")
            .addKeyValue("datasource", "jdbc:postgresql://app:s3cret@db:5432/orders")
            .addKeyValue("request", Map.of("note", "pwd=hunter3"))
            .log("login failed for {} with password={}", "bob", "hunter4");
      } finally {
        MDC.remove("header");
      }

      JsonNode event = logback.onlyEvent();
      assertThat(event.get("header").asString()).isEqualTo("Authorization: Bearer ****");
      assertThat(event.get("query").asString()).isEqualTo("user=bob&password=****");
      assertThat(event.get("datasource").asString())
          .isEqualTo("jdbc:postgresql://app:****@db:5432/orders");
      assertThat(event.at("/request/note").asString()).isEqualTo("pwd=****");
      assertThat(event.get("message").asString())
          .isEqualTo("login failed for bob with password=****");
      assertThat(event.get("error_message").asString()).isEqualTo("refresh failed: token=****");
      assertThat(event.get("stack_trace").asString())
          .startsWith("java.lang.IllegalStateException: refresh failed: token=****");
      assertThat(logback.lines().get(0))
          .doesNotContain(
              "eyJhbGciOiJIUzI1NiJ9", "hunter2", "hunter3", "hunter4", "s3cret", "rt-77");
    }
  }

  @Test
  void masksAFieldNamedPwdByDefault() {
    try (LogbackFixture logback = LogbackFixture.load("seed.xml", dir)) {
      logback.logger("a").atInfo().addKeyValue("db_pwd", "hunter2").log("connect");

      assertThat(logback.onlyEvent().get("db_pwd").asString()).isEqualTo("****");
    }
  }

  @Test
  void leavesValuesAsTheyAreWhenValueMaskingIsOffButStillMasksByName() {
    try (LogbackFixture logback = LogbackFixture.load("value-masking-off.xml", dir)) {
      logback
          .logger("a")
          .atInfo()
          .addKeyValue("query", "password=hunter2")
          .addKeyValue("password", "hunter3")
          .log("password=hunter4");

      JsonNode event = logback.onlyEvent();
      assertThat(event.get("query").asString()).isEqualTo("password=hunter2");
      assertThat(event.get("message").asString()).isEqualTo("password=hunter4");
      assertThat(event.get("password").asString()).isEqualTo("****");
    }
  }

  @Test
  void masksASecretInACausesMessageInTheStackTraceAndLeavesTracesWithoutOneAsTheyAre() {
    try (LogbackFixture logback = LogbackFixture.load("seed.xml", dir)) {
      logback
          .logger("a")
          .error(
              "failed",
              new RuntimeException("outer", new IllegalStateException("login pwd=hunter2")));
      logback.logger("a").error("failed", new PasswordExpiredException("expired: renew now"));

      String withSecret = logback.events().get(0).get("stack_trace").asString();
      assertThat(withSecret)
          .contains("Caused by: java.lang.IllegalStateException: login pwd=****")
          .doesNotContain("hunter2");
      assertThat(logback.events().get(1).get("stack_trace").asString())
          .as("a class name with a sensitive word does not mask the message after it")
          .contains("PasswordExpiredException: expired: renew now");
    }
  }

  /** An exception whose class name holds a sensitive word. */
  static final class PasswordExpiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PasswordExpiredException(String message) {
      super(message);
    }
  }
}
