package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class IsolationForestDetectorTest {

  private static double[] normal(Random random) {
    double a = random.nextGaussian();
    // Two correlated features and an independent third.
    return new double[] {a, a + 0.1 * random.nextGaussian(), 5 + random.nextGaussian()};
  }

  @Test
  void findsPlantedOutliersAndLeavesNormalPointsAlone() {
    IsolationForestDetector detector = new IsolationForestDetector(3, 1_000, 500, 0.7);
    Random random = new Random(11);
    long t = 0;
    for (; t < 1_000; t++) {
      detector.update(t, normal(random));
    }
    int falseAlarms = 0;
    for (int i = 0; i < 1_000; i++) {
      if (detector.update(t++, normal(random)).anomaly()) {
        falseAlarms++;
      }
    }
    assertThat(falseAlarms).isLessThan(10);
    // Axis-parallel splits isolate a point quickly when it is extreme along several features.
    assertThat(detector.update(t++, new double[] {6, 6, 12}).anomaly()).isTrue();
    assertThat(detector.update(t++, new double[] {-6, 6, -2}).anomaly()).isTrue();
    assertThat(detector.update(t++, new double[] {0, 0, 5}).anomaly()).isFalse();
  }

  @Test
  void retrainingFollowsADrift() {
    IsolationForestDetector detector = new IsolationForestDetector(2, 300, 100, 0.62);
    Random random = new Random(4);
    long t = 0;
    for (; t < 600; t++) {
      detector.update(t, new double[] {random.nextGaussian(), random.nextGaussian()});
    }
    double[] shifted = {20, 20};
    assertThat(detector.update(t++, shifted).anomaly()).isTrue();
    for (int i = 0; i < 600; i++) {
      detector.update(t++, new double[] {20 + random.nextGaussian(), 20 + random.nextGaussian()});
    }
    assertThat(detector.update(t++, shifted).anomaly()).isFalse();
    assertThat(detector.update(t, new double[] {0, 0}).anomaly()).isTrue();
  }

  @Test
  void sameSeedSameScores() {
    IsolationForestDetector a = new IsolationForestDetector(2, 256, 50, 0.6, 100, 256, 7);
    IsolationForestDetector b = new IsolationForestDetector(2, 256, 50, 0.6, 100, 256, 7);
    Random random = new Random(1);
    for (int i = 0; i < 700; i++) {
      double[] x = {random.nextGaussian(), random.nextDouble()};
      assertThat(a.update(i, x)).isEqualTo(b.update(i, x));
    }
  }

  @Test
  void badVectorsAreCountedAndLeaveStateUnchanged() {
    IsolationForestDetector clean = new IsolationForestDetector(2, 256, 50, 0.6, 20, 64, 3);
    IsolationForestDetector dirty = new IsolationForestDetector(2, 256, 50, 0.6, 20, 64, 3);
    Random random = new Random(2);
    for (int i = 0; i < 500; i++) {
      double[] x = {random.nextGaussian(), random.nextGaussian()};
      assertThat(dirty.update(i, new double[] {1}).reason()).isEqualTo(VerdictReason.INVALID_VALUE);
      assertThat(dirty.update(i, new double[] {Double.NaN, 0}).decided()).isFalse();
      assertThat(dirty.update(i, x)).isEqualTo(clean.update(i, x));
      assertThat(dirty.update(i - 1, x).reason()).isEqualTo(VerdictReason.OUT_OF_ORDER);
    }
    assertThat(dirty.counts()).isEqualTo(new DetectorCounts(500, 1_000, 500));
  }

  @Test
  void pathLengthNormaliserFollowsThePaper() {
    assertThat(IsolationForest.c(1)).isZero();
    assertThat(IsolationForest.c(2)).isEqualTo(1.0);
    // c(256) = 2 H(255) - 2 * 255 / 256, with H(i) ~ ln(i) + 0.5772156649.
    assertThat(IsolationForest.c(256)).isCloseTo(10.2448, within(1e-3));
  }

  @Test
  void rejectsBadConfiguration() {
    assertThatThrownBy(() -> new IsolationForestDetector(2, 100, 10, 0.6))
        .hasMessageContaining("window must be >= minTrain (256) but was 100");
    assertThatThrownBy(() -> new IsolationForestDetector(2, 500, 10, 1.5))
        .hasMessageContaining("threshold must be in (0.5, 1) but was 1.5");
  }
}
