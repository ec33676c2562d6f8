package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RollingZScoreDetectorTest {

  @Test
  void warmsUpUntilMinPointsThenScoresAgainstPreviousPointsOnly() {
    RollingZScoreDetector detector = new RollingZScoreDetector(100, 2.0, 10);
    for (int i = 0; i < 10; i++) {
      assertThat(detector.update(i, i % 2 == 0 ? 9 : 11).reason())
          .isEqualTo(VerdictReason.WARMING_UP);
    }
    // Ten points of 9 and 11: mean 10, population std 1. 12.5 is 2.5 sigma away.
    Verdict verdict = detector.update(10, 12.5);
    assertThat(verdict.decided()).isTrue();
    assertThat(verdict.anomaly()).isTrue();
    assertThat(verdict.expected()).isCloseTo(10.0, within(1e-12));
    assertThat(verdict.lower()).isCloseTo(8.0, within(1e-12));
    assertThat(verdict.upper()).isCloseTo(12.0, within(1e-12));
    // The score waits for 30 surprises to calibrate against (OnsetScore); the decision does not.
    assertThat(verdict.score()).isZero();
    assertThat(detector.update(11, 11.5).anomaly()).isFalse();
  }

  @Test
  void zeroVariationDecidesNothing() {
    RollingZScoreDetector detector = new RollingZScoreDetector(20, 3.0, 5);
    for (int i = 0; i < 30; i++) {
      detector.update(i, 42.0);
    }
    Verdict verdict = detector.update(30, 1000.0);
    assertThat(verdict.reason()).isEqualTo(VerdictReason.NO_VARIATION);
    assertThat(verdict.anomaly()).isFalse();
  }

  @Test
  void matchesRecomputingTheWindowEveryPoint() {
    int window = 50;
    RollingZScoreDetector detector = new RollingZScoreDetector(window, 3.0, window);
    Deque<Double> reference = new ArrayDeque<>();
    Random random = new Random(7);
    for (int i = 0; i < 5_000; i++) {
      // A level shift half way makes the sliding update cross a large change of mean.
      double value = (i < 2_500 ? 1e6 : 10) + random.nextGaussian() * 3;
      Verdict verdict = detector.update(i, value);
      if (reference.size() == window) {
        double mean = reference.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double var =
            reference.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / reference.size();
        assertThat(verdict.expected()).isCloseTo(mean, within(1e-6 * Math.max(1, mean)));
        // Rounding from the 1e6 era lingers until the next exact recompute (at most 1,024 points
        // later); it must stay far below anything a threshold could notice.
        assertThat(verdict.upper() - verdict.expected())
            .isCloseTo(3.0 * Math.sqrt(var), within(1e-4 * Math.sqrt(var)));
        reference.removeFirst();
      }
      reference.addLast(value);
    }
  }

  @Test
  void invalidAndOutOfOrderPointsAreCountedAndLeaveStateUnchanged() {
    RollingZScoreDetector clean = new RollingZScoreDetector(10, 2.0, 3);
    RollingZScoreDetector dirty = new RollingZScoreDetector(10, 2.0, 3);
    double[] values = {1, 2, 3, 2, 1, 2, 3, 2, 1, 9};
    for (int i = 0; i < values.length; i++) {
      Verdict expected = clean.update(i * 10L, values[i]);
      if (i > 0) {
        assertThat(dirty.update(i * 10L - 25, 1e9)).isEqualTo(Verdict.outOfOrder());
      }
      assertThat(dirty.update(i * 10L, Double.NaN).reason()).isEqualTo(VerdictReason.INVALID_VALUE);
      assertThat(dirty.update(i * 10L, Double.POSITIVE_INFINITY).anomaly()).isFalse();
      assertThat(dirty.update(i * 10L, values[i])).isEqualTo(expected);
    }
    assertThat(dirty.counts()).isEqualTo(new DetectorCounts(10, 20, 9));
  }

  @Test
  void rejectsBadConfiguration() {
    assertThatThrownBy(() -> new RollingZScoreDetector(1, 2, 2)).hasMessageContaining("window");
    assertThatThrownBy(() -> new RollingZScoreDetector(10, Double.NaN, 2))
        .hasMessageContaining("threshold");
    assertThatThrownBy(() -> new RollingZScoreDetector(10, 2, 11))
        .hasMessageContaining("min-points");
  }
}
