package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DefaultDetectorTest {

  private static final long MINUTE = 60_000L;

  @Test
  void isTheFirstCatalogEntryAndBuildsWithoutSettings() {
    assertThat(DetectorCatalog.all().get(0).name()).isEqualTo("default");
    assertThat(DetectorCatalog.get("default").defaults()).isEmpty();
    assertThat(DetectorCatalog.get("default").configure(Map.of()).get())
        .isInstanceOf(DefaultDetector.class);
  }

  /** Indexes of the points called anomalies. */
  private static List<Integer> alarms(double[] series) {
    DefaultDetector detector = new DefaultDetector();
    List<Integer> alarms = new ArrayList<>();
    for (int i = 0; i < series.length; i++) {
      Verdict verdict = detector.update(i * MINUTE, series[i]);
      if (i < 150) {
        assertThat(verdict.reason()).isEqualTo(VerdictReason.WARMING_UP);
      }
      if (verdict.anomaly()) {
        alarms.add(i);
      }
    }
    return alarms;
  }

  private static double[] noise(int length, long seed) {
    Random random = new Random(seed);
    double[] series = new double[length];
    for (int i = 0; i < length; i++) {
      series[i] = 100 + 5 * Math.sin(2 * Math.PI * i / 288) + random.nextGaussian();
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
  void catchesALevelShiftAtOnce() {
    double[] series = noise(4_000, 2);
    for (int i = 3_000; i < series.length; i++) {
      series[i] += 30;
    }
    assertThat(alarms(series)).first().isEqualTo(3_000);
  }

  @Test
  void catchesAJumpWithinTheNormalRange() {
    // A slow sawtooth between 0 and 100; at 3,000 it drops from the top to the bottom in one step
    // instead of climbing: every value stays in range, only the step and the shape are new.
    double[] series = new double[4_000];
    Random random = new Random(3);
    for (int i = 0; i < series.length; i++) {
      int phase = i < 3_000 ? i % 600 : (i + 300) % 600;
      series[i] = (phase < 300 ? phase : 600 - phase) / 3.0 + random.nextGaussian() * 0.3;
    }
    assertThat(alarms(series)).isNotEmpty().allMatch(i -> i >= 3_000 && i < 3_100);
  }

  @Test
  void raisesFewAlarmsOnSteadyNoise() {
    // Gaussian noise on a daily cycle, ten days of minutes. The detector judges each series against
    // its own rarest 0.1%, so pure noise can still yield the odd alarm; the documented rate is
    // under one per 1,440 points.
    assertThat(alarms(noise(14_400, 4))).hasSizeLessThan(10);
  }

  @Test
  void invalidAndOutOfOrderPointsLeaveStateUnchanged() {
    DefaultDetector clean = new DefaultDetector();
    DefaultDetector dirty = new DefaultDetector();
    double[] series = noise(2_000, 5);
    series[1_500] += 50;
    for (int i = 0; i < series.length; i++) {
      long t = i * MINUTE;
      assertThat(dirty.update(t, Double.NaN).reason()).isEqualTo(VerdictReason.INVALID_VALUE);
      assertThat(dirty.update(t, Double.NEGATIVE_INFINITY).decided()).isFalse();
      assertThat(dirty.update(t, series[i])).isEqualTo(clean.update(t, series[i]));
      assertThat(dirty.update(t - 1, 1e12).reason()).isEqualTo(VerdictReason.OUT_OF_ORDER);
    }
    assertThat(dirty.counts()).isEqualTo(new DetectorCounts(2_000, 4_000, 2_000));
  }

  @Test
  void bandAndExpectationFollowTheSeries() {
    DefaultDetector detector = new DefaultDetector();
    double[] series = noise(1_000, 6);
    Verdict last = null;
    for (int i = 0; i < series.length; i++) {
      last = detector.update(i * MINUTE, series[i]);
    }
    assertThat(last.expected()).isBetween(95.0, 105.0);
    assertThat(last.lower()).isLessThan(last.expected());
    assertThat(last.upper()).isGreaterThan(last.expected());
    assertThat(last.score()).isBetween(0.0, 1.0);
  }
}
