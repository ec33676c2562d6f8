package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MahalanobisDetectorTest {

  @Test
  void thresholdIsTheChiSquareQuantileAndFalseAlarmsMatchP() {
    MahalanobisDetector detector = new MahalanobisDetector(3, 2_000, 2_000, 0.01);
    // chi-square with 3 degrees of freedom, 99th percentile.
    assertThat(detector.limit()).isCloseTo(11.3449, within(1e-3));
    Random random = new Random(8);
    long t = 0;
    for (; t < 2_000; t++) {
      detector.update(t, gaussian(random));
    }
    int alarms = 0;
    for (int i = 0; i < 10_000; i++) {
      if (detector.update(t++, gaussian(random)).anomaly()) {
        alarms++;
      }
    }
    // 1% expected: 100 of 10,000, allowing for the fit's own error.
    assertThat(alarms).isBetween(60, 150);
  }

  private static double[] gaussian(Random random) {
    double a = random.nextGaussian();
    return new double[] {a, 2 * a + random.nextGaussian(), 10 + 3 * random.nextGaussian()};
  }

  @Test
  void findsAVectorThatBreaksTheCorrelation() {
    MahalanobisDetector detector = new MahalanobisDetector(3, 500, 500, 0.001);
    Random random = new Random(6);
    long t = 0;
    for (; t < 500; t++) {
      detector.update(t, gaussian(random));
    }
    // Both first features lie within two of their own standard deviations; their relation breaks.
    Verdict outlier = detector.update(t++, new double[] {1.5, -1.5, 10});
    assertThat(outlier.anomaly()).isTrue();
    assertThat(outlier.score()).isGreaterThan(Severity.of(Math.sqrt(detector.limit())));
    assertThat(detector.update(t, new double[] {1.5, 3, 10}).anomaly()).isFalse();
  }

  @Test
  void singularCovarianceStillScoresAndSeesMovesOffTheSpannedPlane() {
    MahalanobisDetector detector = new MahalanobisDetector(3, 200, 200, 0.001);
    Random random = new Random(2);
    long t = 0;
    for (; t < 200; t++) {
      double a = random.nextGaussian();
      // The third feature is constant, the second a copy of the first: rank 1.
      detector.update(t, new double[] {a, a, 7});
    }
    assertThat(detector.update(t++, new double[] {0.5, 0.5, 7}).anomaly()).isFalse();
    assertThat(detector.update(t++, new double[] {0.5, 0.5, 8}).anomaly()).isTrue();
    assertThat(detector.update(t, new double[] {0.5, -0.5, 7}).anomaly()).isTrue();
  }

  @Test
  void allConstantFeaturesDecideNothing() {
    MahalanobisDetector detector = new MahalanobisDetector(2, 10, 10, 0.01);
    for (int t = 0; t < 10; t++) {
      detector.update(t, new double[] {1, 2});
    }
    assertThat(detector.update(10, new double[] {5, 5}).reason())
        .isEqualTo(VerdictReason.NO_VARIATION);
  }

  @Test
  void retrainingFollowsADrift() {
    MahalanobisDetector detector = new MahalanobisDetector(2, 200, 50, 0.001);
    Random random = new Random(3);
    long t = 0;
    for (; t < 200; t++) {
      detector.update(t, new double[] {random.nextGaussian(), random.nextGaussian()});
    }
    assertThat(detector.update(t++, new double[] {8, 8}).anomaly()).isTrue();
    for (int i = 0; i < 250; i++) {
      detector.update(t++, new double[] {8 + random.nextGaussian(), 8 + random.nextGaussian()});
    }
    assertThat(detector.update(t++, new double[] {8, 8}).anomaly()).isFalse();
    assertThat(detector.update(t, new double[] {0, 0}).anomaly()).isTrue();
  }

  @Test
  void badVectorsAreCountedAndLeaveStateUnchanged() {
    MahalanobisDetector clean = new MahalanobisDetector(2, 50, 10, 0.01);
    MahalanobisDetector dirty = new MahalanobisDetector(2, 50, 10, 0.01);
    Random random = new Random(5);
    for (int i = 0; i < 300; i++) {
      double[] x = {random.nextGaussian(), random.nextGaussian()};
      dirty.update(i, new double[] {1, 2, 3});
      dirty.update(i, new double[] {Double.NEGATIVE_INFINITY, 2});
      assertThat(dirty.update(i, x)).isEqualTo(clean.update(i, x));
    }
    assertThat(dirty.counts()).isEqualTo(new DetectorCounts(300, 600, 0));
    assertThatThrownBy(() -> new MahalanobisDetector(2, 50, 10, 0.7))
        .hasMessageContaining("p must be in (0, 0.5) but was 0.7");
  }
}
