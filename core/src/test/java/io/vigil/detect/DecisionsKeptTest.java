package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The score became the deviation count through {@link OnsetScore}; the decisions at the catalog's
 * default thresholds are those of the textbook formulas the detectors were written from (plain
 * variance, no rescaling), recomputed here naively.
 */
class DecisionsKeptTest {

  private static double[] heavyTailedSeries(long seed, int n) {
    Random random = new Random(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      double noise = random.nextGaussian() / Math.max(0.05, Math.abs(random.nextGaussian()));
      values[i] = 100 + 5 * Math.sin(i / 50.0) + Math.max(-50, Math.min(50, noise));
      if (i > n / 2) {
        values[i] += 30;
      }
    }
    return values;
  }

  @Test
  void zscoreDecidesAsTheNaiveWindowMeanAndDeviation() {
    AnomalyDetector detector = DetectorCatalog.get("zscore").configure(Map.of()).get();
    ArrayDeque<Double> window = new ArrayDeque<>();
    double[] values = heavyTailedSeries(4, 5_000);
    int alarms = 0;
    for (int i = 0; i < values.length; i++) {
      boolean expected = false;
      if (window.size() >= 10) {
        double mean = window.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double squares = window.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        double std = Math.sqrt(squares / window.size());
        expected = Math.abs(values[i] - mean) / std > 3.0;
      }
      Verdict verdict = detector.update(i, values[i]);
      assertThat(verdict.anomaly()).as("point %s", i).isEqualTo(expected);
      alarms += expected ? 1 : 0;
      window.addLast(values[i]);
      if (window.size() > 100) {
        window.removeFirst();
      }
    }
    assertThat(alarms).isPositive();
  }

  @Test
  void ewmaDecidesAsFinchsWeightedMeanAndVariance() {
    AnomalyDetector detector = DetectorCatalog.get("ewma").configure(Map.of()).get();
    double[] values = heavyTailedSeries(5, 5_000);
    double mean = 0;
    double variance = 0;
    long learned = 0;
    int alarms = 0;
    for (int i = 0; i < values.length; i++) {
      double value = values[i];
      double learnValue = value;
      double factor = 1;
      boolean expected = false;
      if (learned >= 10) {
        double std = Math.max(Math.sqrt(variance), 0.02 * Math.abs(mean));
        expected = Math.abs(value - mean) / std > 5.0;
        if (expected) {
          learnValue = Math.min(mean + 5 * std, Math.max(mean - 5 * std, value));
          factor = 0.25;
        }
      }
      Verdict verdict = detector.update(i, value);
      assertThat(verdict.anomaly()).as("point %s", i).isEqualTo(expected);
      alarms += expected ? 1 : 0;
      learned++;
      double weight = Math.max(0.05, 1.0 / learned) * factor;
      double diff = learnValue - mean;
      mean += weight * diff;
      variance = (1 - weight) * (variance + diff * weight * diff);
    }
    assertThat(alarms).isPositive();
  }
}
