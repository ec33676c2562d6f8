package io.vigil.logback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.vigil.logback.VigilJsonFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SensitiveFieldMaskerTest {

  private final SensitiveFieldMasker masker =
      new SensitiveFieldMasker(
          new SensitiveWords(VigilJsonFormatter.DEFAULT_SENSITIVE_WORDS), "****");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "password",
        "PASSWORD",
        "db_password",
        "userPassword",
        "passwd",
        "pwd",
        "db_pwd",
        "secret",
        "clientSecret",
        "token",
        "access_token",
        "X-Auth-Token",
        "authorization",
        "Proxy-Authorization",
        "api_key",
        "apiKey",
        "api-key",
        "X-API-KEY",
        "cookie",
        "Set-Cookie"
      })
  void masksNamesContainingASensitiveWord(String name) {
    assertThat(masker.isSensitive(name)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "user_id",
        "message",
        "timestamp",
        "level",
        "author",
        "pass",
        "api",
        "key",
        "keyboard",
        "",
        "_-."
      })
  void leavesOtherNamesAlone(String name) {
    assertThat(masker.isSensitive(name)).isFalse();
  }

  @Test
  void answersTheSameWhenNamesCollideInTheCache() {
    for (int round = 0; round < 2; round++) {
      for (int i = 0; i < SensitiveFieldMasker.CACHE_SLOTS * 4; i++) {
        assertThat(masker.isSensitive("field" + i)).isFalse();
        assertThat(masker.isSensitive("password" + i)).isTrue();
        assertThat(masker.isSensitive(new String("field" + i))).isFalse();
      }
    }
  }

  @Test
  void rejectsAWordWithoutLettersNamingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new SensitiveWords(List.of("password", "--")))
        .withMessageContaining("'--'");
  }
}
