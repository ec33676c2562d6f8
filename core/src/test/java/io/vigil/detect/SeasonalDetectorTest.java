package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SeasonalDetectorTest {

  private static final long HOUR = 3_600_000L;
  private static final long DAY = 24 * HOUR;

  /** A daily cycle, one level per hour: 100 at midnight, 1000 at 12:00 UTC, with a little noise. */
  private static double daily(long t, Random random) {
    double hour = Math.floor((t % DAY) / (double) HOUR);
    return 550 - 450 * Math.cos(2 * Math.PI * hour / 24) + random.nextGaussian() * 10;
  }

  @Test
  void comparesEachHourWithTheSameHourOfEarlierDays() {
    SeasonalDetector detector =
        new SeasonalDetector(DAY, HOUR, 120, 6.0, 24, SeasonalDetector.Method.ROBUST);
    Random random = new Random(3);
    long t = 0;
    int falseAlarms = 0;
    for (; t < 20 * DAY; t += 5 * 60_000L) {
      if (detector.update(t, daily(t, random)).anomaly() && t >= 2 * DAY) {
        falseAlarms++;
      }
    }
    assertThat(falseAlarms).isZero();
    // Midnight-level traffic at noon is normal for the series as a whole but not for noon.
    long noon = 20 * DAY + 12 * HOUR;
    Verdict verdict = detector.update(noon, 100);
    assertThat(verdict.anomaly()).isTrue();
    assertThat(verdict.expected()).isCloseTo(1000, within(15.0));
    assertThat(detector.update(noon + 60_000L, 1000).anomaly()).isFalse();
  }

  @Test
  void dayOfWeekBucketsSeparateWeekendsFromWeekdays() {
    SeasonalDetector detector =
        new SeasonalDetector(7 * DAY, DAY, 8, 3.5, 4, SeasonalDetector.Method.ZSCORE);
    assertThat(detector.buckets()).isEqualTo(7);
    long t = 0;
    for (; t < 10 * 7 * DAY; t += DAY) {
      // Epoch days 2 and 3 (a Saturday and a Sunday) are quiet; weeks alternate by one.
      long dayOfWeek = (t / DAY) % 7;
      double base = dayOfWeek == 2 || dayOfWeek == 3 ? 10 : 100;
      assertThat(detector.update(t, base + (t / DAY / 7) % 2).anomaly()).isFalse();
    }
    long saturday = t + ((2 - (t / DAY) % 7 + 7) % 7) * DAY;
    assertThat(detector.update(saturday, 100).anomaly()).isTrue();
  }

  @Test
  void warmsUpPerBucketAndReportsBucketsWithoutVariation() {
    SeasonalDetector detector =
        new SeasonalDetector(DAY, HOUR, 10, 3.0, 3, SeasonalDetector.Method.ROBUST);
    for (int day = 0; day < 3; day++) {
      assertThat(detector.update(day * DAY, 5).reason()).isEqualTo(VerdictReason.WARMING_UP);
    }
    // Hour 1 has never been seen: still warming up even though hour 0 is ready.
    assertThat(detector.update(3 * DAY + HOUR, 5).reason()).isEqualTo(VerdictReason.WARMING_UP);
    Verdict flat = detector.update(4 * DAY, 500);
    assertThat(flat.reason()).isEqualTo(VerdictReason.NO_VARIATION);
    assertThat(flat.anomaly()).isFalse();
  }

  @Test
  void historyIsBoundedSoOldSeasonsAgeOut() {
    SeasonalDetector detector =
        new SeasonalDetector(DAY, DAY, 5, 3.0, 5, SeasonalDetector.Method.ZSCORE);
    long t = 0;
    for (int i = 0; i < 20; i++, t += DAY) {
      detector.update(t, 1000 + (i % 2));
    }
    for (int i = 0; i < 5; i++, t += DAY) {
      detector.update(t, 10 + (i % 2));
    }
    // Only the last five days are remembered: the new level is now the expectation.
    Verdict verdict = detector.update(t, 10.5);
    assertThat(verdict.expected()).isCloseTo(10.4, within(1e-9));
    assertThat(verdict.anomaly()).isFalse();
  }

  @Test
  void invalidAndOutOfOrderPointsLeaveStateUnchanged() {
    SeasonalDetector clean =
        new SeasonalDetector(DAY, HOUR, 10, 3.0, 3, SeasonalDetector.Method.ROBUST);
    SeasonalDetector dirty =
        new SeasonalDetector(DAY, HOUR, 10, 3.0, 3, SeasonalDetector.Method.ROBUST);
    Random random = new Random(9);
    long t = 0;
    for (int i = 0; i < 2_000; i++, t += 10 * 60_000L) {
      double value = daily(t, random);
      assertThat(dirty.update(t, Double.NaN).reason()).isEqualTo(VerdictReason.INVALID_VALUE);
      assertThat(dirty.update(t, Double.POSITIVE_INFINITY).decided()).isFalse();
      assertThat(dirty.update(t, value)).isEqualTo(clean.update(t, value));
      assertThat(dirty.update(t - 1, 1e9).reason()).isEqualTo(VerdictReason.OUT_OF_ORDER);
    }
    assertThat(dirty.counts()).isEqualTo(new DetectorCounts(2_000, 4_000, 2_000));
  }

  @Test
  void catalogValidatesSeasonBucketAndMethod() {
    DetectorType type = DetectorCatalog.get("seasonal");
    assertThat(type.configure(Map.of("season", "7d", "bucket", "1d")).get())
        .isInstanceOf(SeasonalDetector.class);
    assertThatThrownBy(() -> type.configure(Map.of("bucket", "7h")))
        .hasMessageContaining("multiple of bucket");
    assertThatThrownBy(() -> type.configure(Map.of("method", "mean")))
        .hasMessageContaining("'method'")
        .hasMessageContaining("[robust, zscore]")
        .hasMessageContaining("'mean'");
  }
}
