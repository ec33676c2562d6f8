package io.vigil.logback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.logback.VigilJsonFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SecretMaskerTest {

  private final SecretMasker masker =
      new SecretMasker(new SensitiveWords(VigilJsonFormatter.DEFAULT_SENSITIVE_WORDS), "****");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "password=hunter2 | password=****",
        "login with password=hunter2 failed | login with password=**** failed",
        "PASSWORD = hunter2 | PASSWORD = ****",
        "pwd=hunter2&user=bob | pwd=****&user=bob",
        "db.password=hunter2 | db.password=****",
        "spring.datasource.password: hunter2 | spring.datasource.password: ****",
        "client_secret=abc;scope=x | client_secret=****;scope=x",
        "?access_token=abc.def&x=1 | ?access_token=****&x=1",
        "`{\"password\":\"hunter 2\",\"user\":\"bob\"}` | `{\"password\":\"****\",\"user\":\"bob\"}`",
        "`{\\\"password\\\":\\\"hunter2\\\"}` | `{\\\"password\\\":\\\"****\\\"}`",
        "`'apiKey': 'k-123'` | `'apiKey': '****'`",
        "X-API-KEY: k-123 | X-API-KEY: ****",
        "`{password=hunter2, user=bob}` | `{password=****, user=bob}`",
        "Authorization: Bearer eyJhbGciOi.eyJzdWIi.sig | Authorization: Bearer ****",
        "authorization: basic dXNlcjpwYXNz | authorization: basic ****",
        "Cookie: JSESSIONID=abc123 | Cookie: ****",
        "Proxy-Authorization: Negotiate YIIGhgYJKoZIhvcSAQICAQBuggZ1 | Proxy-Authorization: Negotiate ****",
        "sent Bearer abcdefghijklmnop0123 upstream | sent Bearer **** upstream",
        "BEARER abcdefghijklmnop0123 | BEARER ****",
        "jdbc:postgresql://app:s3cret@db:5432/x | jdbc:postgresql://app:****@db:5432/x",
        "https://user:p%40ss@example.com/path?q=1 | https://user:****@example.com/path?q=1",
        "token=a token=b | token=**** token=****",
      })
  void masksTheSecret(String text, String masked) {
    assertThat(masker.mask(text)).isEqualTo(masked);
  }

  @Test
  void endsABareValueAtALineBreak() {
    assertThat(masker.mask("password=hunter2\npassword=again"))
        .isEqualTo("password=****\npassword=****");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "User login attempt",
        "192.168.1.100",
        "Mozilla/5.0 (X11; Linux x86_64)",
        "2026-12-02T13:00:00Z",
        "at io.vigil.PasswordEncoder.encode(PasswordEncoder.java:55)",
        "java.lang.IllegalStateException: token refresh failed",
        "password reset requested",
        "password=",
        "password: ",
        "the bearer of bad news",
        "Bearer short",
        "https://example.com:8443/a?b=c",
        "user@example.com:22",
        "author=bob",
        "key=value",
        "a=b:c=d",
        ""
      })
  void leavesTextWithoutASecretAlone(String text) {
    assertThat(masker.mask(text)).isNull();
  }
}
