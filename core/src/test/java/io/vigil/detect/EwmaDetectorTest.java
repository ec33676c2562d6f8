package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EwmaDetectorTest {

  @Test
  void warmsUpThenScoresAgainstThePointsBefore() {
    EwmaDetector detector = new EwmaDetector(0.5, 2.0, 2, 0.0, 1.0);
    assertThat(detector.update(0, 10).reason()).isEqualTo(VerdictReason.WARMING_UP);
    assertThat(detector.update(1, 12).reason()).isEqualTo(VerdictReason.WARMING_UP);
    // Mean of 10 and 12 is 11, population variance 1; 14 lies 3 deviations away.
    Verdict verdict = detector.update(2, 14);
    assertThat(verdict.reason()).isEqualTo(VerdictReason.SCORED);
    assertThat(verdict.anomaly()).isTrue();
    assertThat(verdict.expected()).isCloseTo(11.0, within(1e-12));
    assertThat(verdict.lower()).isCloseTo(9.0, within(1e-12));
    assertThat(verdict.upper()).isCloseTo(13.0, within(1e-12));
    // The score waits for 30 surprises to calibrate against (OnsetScore); the decision does not.
    assertThat(verdict.score()).isZero();
  }

  @Test
  void matchesTheExplicitlyWeightedMeanAndVariance() {
    double alpha = 0.1;
    EwmaDetector detector = new EwmaDetector(alpha, 1e9, 2, 0.0, 1.0);
    List<Double> values = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    Random random = new Random(3);
    for (int i = 0; i < 300; i++) {
      double value = 1e4 + 50 * Math.sin(i / 7.0) + random.nextGaussian() * 5;
      Verdict verdict = detector.update(i, value);
      if (values.size() >= 2) {
        // Point j weighs w_j times the product of (1 - w_k) over every later point k, where
        // w = max(alpha, 1/n); these weights sum to 1.
        double[] c = new double[values.size()];
        for (int j = 0; j < c.length; j++) {
          c[j] = weights.get(j);
          for (int k = j + 1; k < c.length; k++) {
            c[j] *= 1 - weights.get(k);
          }
        }
        double mean = 0;
        for (int j = 0; j < c.length; j++) {
          mean += c[j] * values.get(j);
        }
        double variance = 0;
        for (int j = 0; j < c.length; j++) {
          variance += c[j] * (values.get(j) - mean) * (values.get(j) - mean);
        }
        assertThat(verdict.expected()).isCloseTo(mean, within(1e-9 * mean));
        assertThat((verdict.upper() - verdict.expected()) / 1e9)
            .isCloseTo(Math.sqrt(variance), within(1e-6 * Math.sqrt(variance)));
      }
      values.add(value);
      weights.add(Math.max(alpha, 1.0 / values.size()));
    }
  }

  @Test
  void theFloorKeepsANearlyFlatSignalFromAlarmingOnNoise() {
    EwmaDetector detector = new EwmaDetector(0.05, 5.0, 10, 0.02, 0.25);
    Random random = new Random(11);
    for (int i = 0; i < 200; i++) {
      assertThat(detector.update(i, 1000 + random.nextGaussian() * 1e-3).anomaly()).isFalse();
    }
    // A million raw deviations away, but 0.5% of the level: inside the floor's band of 5 x 2%.
    Verdict small = detector.update(200, 1005);
    assertThat(small.anomaly()).isFalse();
    assertThat(small.upper()).isCloseTo(1100, within(0.1));
    assertThat(detector.update(201, 1150).anomaly()).isTrue();
  }

  @Test
  void withoutFloorAFlatSignalDecidesNothing() {
    EwmaDetector detector = new EwmaDetector(0.05, 5.0, 3, 0.0, 0.25);
    for (int i = 0; i < 20; i++) {
      detector.update(i, 42.0);
    }
    Verdict verdict = detector.update(20, 1000.0);
    assertThat(verdict.reason()).isEqualTo(VerdictReason.NO_VARIATION);
    assertThat(verdict.anomaly()).isFalse();
  }

  @Test
  void aSustainedShiftIsReportedForAWhileThenBecomesTheNewNormal() {
    EwmaDetector detector = new EwmaDetector(0.05, 5.0, 10, 0.0, 0.25);
    Random random = new Random(5);
    for (int i = 0; i < 300; i++) {
      detector.update(i, 100 + random.nextGaussian());
    }
    List<Boolean> afterShift = new ArrayList<>();
    for (int i = 300; i < 1300; i++) {
      afterShift.add(detector.update(i, 130 + random.nextGaussian()).anomaly());
    }
    assertThat(afterShift.subList(0, 10)).as("first ten points after the shift").containsOnly(true);
    assertThat(afterShift.subList(500, 1000)).as("the last 500 points").containsOnly(false);
  }

  @Test
  void anAnomalyDoesNotDragTheBaselineAsANormalPointWould() {
    EwmaDetector guarded = new EwmaDetector(0.05, 5.0, 10, 0.0, 0.25);
    EwmaDetector naive = new EwmaDetector(0.05, 1e9, 10, 0.0, 0.25);
    Random random = new Random(9);
    for (int i = 0; i < 300; i++) {
      double value = 100 + random.nextGaussian();
      guarded.update(i, value);
      naive.update(i, value);
    }
    guarded.update(300, 1000);
    naive.update(300, 1000);
    Verdict guardedNext = guarded.update(301, 100);
    Verdict naiveNext = naive.update(301, 100);
    assertThat(guardedNext.expected()).isCloseTo(100, within(1.0));
    assertThat(naiveNext.expected()).isGreaterThan(140);
    assertThat(guardedNext.upper() - guardedNext.expected()).isLessThan(10);
  }

  @Test
  void gaussianNoiseRarelyAlarmsAtTheCatalogDefaults() {
    AnomalyDetector detector = DetectorCatalog.get("ewma").configure(Map.of()).get();
    Random random = new Random(17);
    int alarms = 0;
    for (int i = 0; i < 100_000; i++) {
      if (detector.update(i, 10 + random.nextGaussian()).anomaly()) {
        alarms++;
      }
    }
    // A 5-sigma threshold on a deviation estimated from ~40 points: a few in 100,000.
    assertThat(alarms).isLessThan(10);
  }

  @Test
  void invalidAndOutOfOrderPointsAreCountedAndLeaveStateUnchanged() {
    EwmaDetector clean = new EwmaDetector(0.2, 2.0, 3, 0.01, 0.25);
    EwmaDetector dirty = new EwmaDetector(0.2, 2.0, 3, 0.01, 0.25);
    double[] values = {1, 2, 3, 2, 1, 2, 3, 2, 1, 9, 9, 2};
    for (int i = 0; i < values.length; i++) {
      Verdict expected = clean.update(i * 10L, values[i]);
      if (i > 0) {
        assertThat(dirty.update(i * 10L - 25, 1e9)).isEqualTo(Verdict.outOfOrder());
      }
      assertThat(dirty.update(i * 10L, Double.NaN).reason()).isEqualTo(VerdictReason.INVALID_VALUE);
      assertThat(dirty.update(i * 10L, Double.NEGATIVE_INFINITY).anomaly()).isFalse();
      assertThat(dirty.update(i * 10L, values[i])).isEqualTo(expected);
    }
    assertThat(dirty.counts()).isEqualTo(new DetectorCounts(12, 24, 11));
  }

  @Test
  void rejectsBadSettingsNamingThem() {
    assertThatThrownBy(() -> new EwmaDetector(0, 5, 10, 0.02, 0.25))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alpha")
        .hasMessageContaining("0.0");
    assertThatThrownBy(() -> new EwmaDetector(1.5, 5, 10, 0.02, 0.25))
        .hasMessageContaining("alpha");
    assertThatThrownBy(() -> new EwmaDetector(0.05, 0, 10, 0.02, 0.25))
        .hasMessageContaining("threshold");
    assertThatThrownBy(() -> new EwmaDetector(0.05, 5, 1, 0.02, 0.25))
        .hasMessageContaining("min-points");
    assertThatThrownBy(() -> new EwmaDetector(0.05, 5, 10, -0.1, 0.25))
        .hasMessageContaining("floor");
    assertThatThrownBy(() -> new EwmaDetector(0.05, 5, 10, 0.02, 1.5))
        .hasMessageContaining("anomaly-weight");
    assertThatThrownBy(() -> DetectorCatalog.get("ewma").configure(Map.of("alpha", "x")))
        .hasMessageContaining("'alpha'")
        .hasMessageContaining("'x'");
  }
}
