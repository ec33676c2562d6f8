package io.vigil.logback.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.vigil.logback.VigilJsonFormatter;
import org.junit.jupiter.api.Test;

class ValueSanitizerTest {

  private final SecretMasker secrets =
      new SecretMasker(new SensitiveWords(VigilJsonFormatter.DEFAULT_SENSITIVE_WORDS), "****");
  private final ValueSanitizer limitOnly = new ValueSanitizer(10, null);

  @Test
  void leavesValuesUpToTheLimitAloneWithoutCopying() {
    String text = "0123456789";
    assertThat(limitOnly.sanitize(text)).isSameAs(text);
    assertThat(limitOnly.mask(null, text)).isNull();
    assertThat(limitOnly.mask(null, 12345678901L)).isNull();
  }

  @Test
  void cutsLongerValuesAndSaysHowMuchWasCut() {
    assertThat(limitOnly.mask(null, "0123456789abc")).isEqualTo("0123456789...[truncated 3 chars]");
  }

  @Test
  void neverSplitsASurrogatePair() {
    String text = "012345678\uD83D\uDE00xyz"; // the emoji's high surrogate is the 10th char

    assertThat(limitOnly.sanitize(text)).isEqualTo("012345678...[truncated 5 chars]");
  }

  @Test
  void masksSecretsInTheKeptPartAndKeepsTheMarkerIntact() {
    ValueSanitizer sanitizer = new ValueSanitizer(20, secrets);

    assertThat(sanitizer.sanitize("pwd=hunter2 ok")).isEqualTo("pwd=**** ok");
    assertThat(sanitizer.sanitize("user=bob password=hunter2 and more"))
        .as("a secret cut at the limit is masked as far as it was kept")
        .isEqualTo("user=bob password=****...[truncated 14 chars]");
  }

  @Test
  void noLimitAndNoSecretsIsTheIdentity() {
    ValueSanitizer identity = new ValueSanitizer(0, null);
    String text = "password=hunter2".repeat(10_000);

    assertThat(identity.isIdentity()).isTrue();
    assertThat(identity.sanitize(text)).isSameAs(text);
    assertThat(new ValueSanitizer(0, secrets).isIdentity()).isFalse();
  }

  @Test
  void rejectsANegativeLimitNamingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new ValueSanitizer(-1, null))
        .withMessageContaining("was -1");
  }
}
