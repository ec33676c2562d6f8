package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class SeverityTest {

  @Test
  void isZeroAtNoSurpriseAndNaNOrNegativeScoreZero() {
    assertThat(Severity.of(0)).isZero();
    assertThat(Severity.of(-3)).isZero();
    assertThat(Severity.of(Double.NaN)).isZero();
    assertThat(Severity.of(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
  }

  @Test
  void risesStrictlyAndDistinguishesMagnitudesAtTwelveDigitsUpToTheLargestDouble() {
    double previous = -1;
    String previousText = "";
    for (double z = 1e-6; z < Double.MAX_VALUE / 2; z *= 1.5) {
      double score = Severity.of(z);
      String text = String.format(Locale.ROOT, "%.12g", score);
      assertThat(score).isGreaterThan(previous).isLessThan(1.0);
      assertThat(text).as("z=%s", z).isNotEqualTo(previousText);
      previous = score;
      previousText = text;
    }
    assertThat(Severity.of(Double.MAX_VALUE)).isLessThan(1.0);
    assertThat(String.format(Locale.ROOT, "%.12g", Severity.of(9)))
        .isNotEqualTo(String.format(Locale.ROOT, "%.12g", Severity.of(90)));
  }
}
