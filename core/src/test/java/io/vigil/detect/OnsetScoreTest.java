package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OnsetScoreTest {

  private static OnsetScore afterNoise(long seed) {
    OnsetScore onset = new OnsetScore();
    Random random = new Random(seed);
    for (int i = 0; i < 1_000; i++) {
      onset.score(Math.abs(random.nextGaussian()));
    }
    return onset;
  }

  @Test
  void scoresNothingUntilThirtySurprisesWereSeen() {
    OnsetScore onset = new OnsetScore();
    for (int i = 0; i < 30; i++) {
      assertThat(onset.score(100.0 * i)).isZero();
    }
    assertThat(onset.score(10_000)).isPositive();
  }

  @Test
  void anIncidentScoresHighAtItsOnsetOnlyThenScoringResumes() {
    OnsetScore onset = afterNoise(1);
    assertThat(onset.score(50)).isGreaterThan(Severity.of(10));
    for (int i = 0; i < 100; i++) {
      assertThat(onset.score(50)).as("point %s of the refractory period", i).isZero();
    }
    assertThat(onset.score(2)).isPositive();
  }

  @Test
  void ranksMagnitudesAndIsRelativeToTheSeriesOwnSurprises() {
    String nine = String.format(Locale.ROOT, "%.12g", afterNoise(2).score(9));
    String ninety = String.format(Locale.ROOT, "%.12g", afterNoise(2).score(90));
    assertThat(Double.parseDouble(ninety)).isGreaterThan(Double.parseDouble(nine));
    // A series whose surprises are routinely ten times larger finds the same point less rare.
    OnsetScore noisy = new OnsetScore();
    Random random = new Random(2);
    for (int i = 0; i < 1_000; i++) {
      noisy.score(10 * Math.abs(random.nextGaussian()));
    }
    assertThat(noisy.score(9)).isLessThan(afterNoise(2).score(9));
    assertThat(afterNoise(3).score(Double.MAX_VALUE)).isBetween(0.0, 1.0).isNotNaN();
  }
}
