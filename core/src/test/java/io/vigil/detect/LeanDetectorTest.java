package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LeanDetectorTest {

  private static final long MINUTE = 60_000L;

  private static List<Integer> alarms(double[] series) {
    AnomalyDetector detector = DetectorCatalog.get("lean").configure(Map.of()).get();
    List<Integer> alarms = new ArrayList<>();
    for (int i = 0; i < series.length; i++) {
      Verdict verdict = detector.update(i * MINUTE, series[i]);
      if (i < 30) {
        assertThat(verdict.reason()).isEqualTo(VerdictReason.WARMING_UP);
      } else {
        assertThat(verdict.anomaly())
            .isEqualTo(verdict.score() >= Severity.of(LeanDetector.DEFAULT_THRESHOLD));
      }
      if (verdict.anomaly()) {
        alarms.add(i);
      }
    }
    return alarms;
  }

  /** One-minute points on a daily cycle with Gaussian noise. */
  private static double[] noise(int length, long seed) {
    Random random = new Random(seed);
    double[] series = new double[length];
    for (int i = 0; i < length; i++) {
      series[i] = 100 + 5 * Math.sin(2 * Math.PI * i / 1_440) + random.nextGaussian();
    }
    return series;
  }

  @Test
  void raisesOneAlarmForASpikeNotOnePerPoint() {
    double[] series = noise(4_000, 1);
    for (int i = 3_000; i < 3_010; i++) {
      series[i] += 40;
    }
    assertThat(alarms(series)).containsExactly(3_000);
  }

  @Test
  void catchesALevelShiftAtOnceAndThenTakesItAsTheNewNormal() {
    double[] series = noise(8_000, 2);
    for (int i = 3_000; i < series.length; i++) {
      series[i] += 25;
    }
    List<Integer> alarms = alarms(series);
    assertThat(alarms).first().isEqualTo(3_000);
    assertThat(alarms).allMatch(i -> i < 6_000);
  }

  @Test
  void catchesAMissingCycleInsideTheNormalRange() {
    // A square wave of period 60 between 0 and 10; then it stops at 5, inside the normal range.
    double[] series = new double[6_000];
    Random random = new Random(3);
    for (int i = 0; i < series.length; i++) {
      series[i] = (i / 30 % 2 == 0 ? 0 : 10) + 0.1 * random.nextGaussian();
      if (i >= 5_000) {
        series[i] = 5 + 0.1 * random.nextGaussian();
      }
    }
    assertThat(alarms(series)).anyMatch(i -> i >= 5_000 && i < 5_100);
  }

  @Test
  void staysQuietOnTenDaysOfSteadyNoise() {
    assertThat(alarms(noise(14_400, 4))).hasSizeLessThan(10);
  }

  @Test
  void aMostlyZeroCounterAlarmsOnABurstNotOnItsUsualBlips() {
    Random random = new Random(5);
    double[] series = new double[6_000];
    for (int i = 0; i < series.length; i++) {
      series[i] = random.nextDouble() < 0.05 ? 1 : 0;
    }
    for (int i = 5_000; i < 5_030; i++) {
      series[i] = 20;
    }
    List<Integer> alarms = alarms(series);
    assertThat(alarms).contains(5_000);
    // A blip of 1 among zeros is as rare as the calibration's 0.1% now and then: a few alarms in
    // 6,000 points (the first just after the warm-up), not one per blip (about 300).
    assertThat(alarms).as("%s", alarms).hasSizeLessThan(8);
  }

  @Test
  void theThresholdIsItsOnlySettingAndIsChecked() {
    assertThat(DetectorCatalog.get("lean").defaults()).containsOnlyKeys("threshold");
    assertThatThrownBy(() -> DetectorCatalog.get("lean").configure(Map.of("threshold", "0")))
        .hasMessage(
            "detector 'lean': setting 'threshold' must be a finite number > 0.0 but was 0.0");
  }
}
