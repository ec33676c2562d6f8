package io.vigil.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LengthLimitingValueMaskerTest {

  private final LengthLimitingValueMasker masker = new LengthLimitingValueMasker(10);

  @Test
  void leavesValuesUpToTheLimitAlone() {
    assertThat(masker.mask(null, "0123456789")).isNull();
    assertThat(masker.mask(null, 12345678901L)).isNull();
  }

  @Test
  void cutsLongerValuesAndSaysHowMuchWasCut() {
    assertThat(masker.mask(null, "0123456789abc")).isEqualTo("0123456789...[truncated 3 chars]");
  }

  @Test
  void neverSplitsASurrogatePair() {
    String text = "012345678\uD83D\uDE00xyz"; // the emoji's high surrogate is the 10th char

    assertThat(masker.mask(null, text)).isEqualTo("012345678...[truncated 5 chars]");
  }

  @Test
  void rejectsANonPositiveLimitNamingIt() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new LengthLimitingValueMasker(0))
        .withMessageContaining("was 0");
  }
}
