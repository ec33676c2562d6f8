package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class WindowedGaussianDetectorTest {

  @Test
  void firstPointScoresZeroThenAWindowOfOneHasDeviationOneMillionth() {
    WindowedGaussianDetector detector = new WindowedGaussianDetector(10, 2, 3.0);
    Verdict first = detector.update(0, 5.0);
    assertThat(first.score()).isZero();
    assertThat(first.reason()).isEqualTo(VerdictReason.WARMING_UP);
    // Window {5}: mean 5, std 0 replaced by 1e-6. The same value is z = 0: 1 - Q(0) = 0.5.
    assertThat(detector.update(1, 5.0).score()).isEqualTo(0.5);
    // Window {5, 5}: any other value is millions of deviations away.
    Verdict jump = detector.update(2, 5.001);
    assertThat(jump.score()).isEqualTo(1.0);
    assertThat(jump.anomaly()).isTrue();
  }

  @Test
  void scoresAgainstTheWindowBeforeThePointJoinsIt() {
    WindowedGaussianDetector detector = new WindowedGaussianDetector(4, 2, 2.0);
    for (int i = 1; i <= 3; i++) {
      detector.update(i, i);
    }
    // Window {1, 2, 3}: mean 2, population std sqrt(2/3) = 0.816497; 4 is z = 2.449490 away.
    // Score 1 - Q(z) = (1 + erf(z / sqrt 2)) / 2 = 0.992847.
    Verdict verdict = detector.update(4, 4.0);
    assertThat(verdict.expected()).isEqualTo(2.0);
    assertThat(verdict.score()).isCloseTo(0.992847, within(1e-6));
    assertThat(verdict.anomaly()).isTrue();
    assertThat(verdict.upper()).isCloseTo(2.0 + 2 * Math.sqrt(2.0 / 3), within(1e-12));
    // Window {1, 2, 3, 4}: mean 2.5, std sqrt(1.25). A point below the mean scores as its mirror
    // image above it: 0 is z = 2.236068 away, score 0.987326.
    assertThat(detector.update(5, 0.0).score()).isCloseTo(0.987326, within(1e-6));
  }

  @Test
  void onceFullTheWindowMovesOnlyEveryStepPoints() {
    WindowedGaussianDetector detector = new WindowedGaussianDetector(4, 2, 3.0);
    for (int i = 1; i <= 4; i++) {
      detector.update(i, i);
    }
    // Window {1, 2, 3, 4}: mean 2.5. The next point is buffered, the window does not move.
    assertThat(detector.update(5, 100.0).expected()).isEqualTo(2.5);
    assertThat(detector.update(6, 200.0).expected()).isEqualTo(2.5);
    // Two points buffered: the window slid by two to {3, 4, 100, 200}, mean 76.75.
    assertThat(detector.update(7, 0.0).expected()).isEqualTo(76.75);
    assertThat(detector.update(8, 0.0).expected()).isEqualTo(76.75);
    // {100, 200, 0, 0}: mean 75.
    assertThat(detector.update(9, 0.0).expected()).isEqualTo(75.0);
  }

  @Test
  void matchesAPlainTranscriptionOfNabsPythonOnRandomData() {
    int window = 64;
    int step = 8;
    WindowedGaussianDetector detector = new WindowedGaussianDetector(window, step, 3.0);
    List<Double> windowData = new ArrayList<>();
    List<Double> stepBuffer = new ArrayList<>();
    double mean = 0;
    double std = 1;
    Random random = new Random(11);
    for (int i = 0; i < 2_000; i++) {
      double value = (i < 1_000 ? 50 : 80) + random.nextGaussian() * 5;
      double expected = 0;
      if (!windowData.isEmpty()) {
        double z = Math.abs(value - mean) / std;
        expected = 1 - 0.5 * Erf.erfc(z / Math.sqrt(2));
      }
      assertThat(detector.update(i, value).score()).isCloseTo(expected, within(1e-9));
      boolean refresh = false;
      if (windowData.size() < window) {
        windowData.add(value);
        refresh = true;
      } else {
        stepBuffer.add(value);
        if (stepBuffer.size() == step) {
          windowData.subList(0, step).clear();
          windowData.addAll(stepBuffer);
          stepBuffer.clear();
          refresh = true;
        }
      }
      if (refresh) {
        double m = windowData.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double var =
            windowData.stream().mapToDouble(v -> (v - m) * (v - m)).sum() / windowData.size();
        mean = m;
        std = var == 0 ? 1e-6 : Math.sqrt(var);
      }
    }
  }

  @Test
  void skipsInvalidAndOutOfOrderPointsWithoutChangingState() {
    WindowedGaussianDetector detector = new WindowedGaussianDetector(10, 1, 3.0);
    detector.update(10, 1.0);
    detector.update(20, 3.0);
    assertThat(detector.update(30, Double.NaN).reason()).isEqualTo(VerdictReason.INVALID_VALUE);
    assertThat(detector.update(5, 1000.0).reason()).isEqualTo(VerdictReason.OUT_OF_ORDER);
    // Window still {1, 3}: mean 2.
    assertThat(detector.update(40, 2.0).expected()).isEqualTo(2.0);
    assertThat(detector.counts()).isEqualTo(new DetectorCounts(3, 1, 1));
  }

  @Test
  void rejectsBadSettingsNamingTheValue() {
    assertThatThrownBy(() -> new WindowedGaussianDetector(0, 1, 3.0))
        .hasMessageContaining("setting 'window' must be an integer in [1, 1000000] but was 0");
    assertThatThrownBy(() -> new WindowedGaussianDetector(10, 11, 3.0))
        .hasMessageContaining("setting 'step' must be an integer in [1, 10] but was 11");
    assertThatThrownBy(() -> new WindowedGaussianDetector(10, 1, 0.0))
        .hasMessageContaining("setting 'threshold' must be a finite number > 0.0 but was 0.0");
  }

  @Test
  void isInTheCatalogWithNabsSettings() {
    DetectorType type = DetectorCatalog.get("windowed-gaussian");
    assertThat(type.defaults())
        .containsEntry("window", "6400")
        .containsEntry("step", "100")
        .containsEntry("threshold", "7.0");
    assertThat(type.configure(Map.of("window", "10", "step", "5")).get())
        .isInstanceOf(WindowedGaussianDetector.class);
    assertThatThrownBy(() -> type.configure(Map.of("step", "0")))
        .hasMessage(
            "detector 'windowed-gaussian': setting 'step' must be an integer in [1, 6400] but was 0");
  }
}
