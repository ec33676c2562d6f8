package io.vigil.live.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.rca.MetricSeries;
import org.junit.jupiter.api.Test;

class ExpectedBandTest {

  private static MetricSeries series(double... values) {
    long[] ts = new long[values.length];
    for (int i = 0; i < ts.length; i++) {
      ts[i] = i * 1_000L;
    }
    return new MetricSeries("s", "latency", ts, values);
  }

  @Test
  void theBandIsTheMedianPlusOrMinusThreeRobustDeviationsOfTheNormalWindow() {
    // Median 10, absolute deviations 0,1,1,2,2 -> MAD 1; the points from t=5s on are not normal.
    double[] band = ExpectedBand.of(series(8, 9, 10, 11, 12, 500, 600), 5_000);
    assertThat(band[0]).isCloseTo(10 - 3 * 1.4826, within(1e-9));
    assertThat(band[1]).isCloseTo(10 + 3 * 1.4826, within(1e-9));
  }

  @Test
  void aMostlyFlatSignalFallsBackToTheStandardDeviation() {
    double[] band = ExpectedBand.of(series(5, 5, 5, 5, 7, 100), 5_000);
    double mean = 27 / 5.0;
    double sd = Math.sqrt((4 * (5 - mean) * (5 - mean) + (7 - mean) * (7 - mean)) / 5);
    assertThat(band[0]).isCloseTo(5 - 3 * sd, within(1e-9));
    assertThat(band[1]).isCloseTo(5 + 3 * sd, within(1e-9));
  }

  @Test
  void gapsAreIgnoredAndAnEmptyNormalWindowHasNoBand() {
    assertThat(ExpectedBand.of(series(Double.NaN, 4, 4, 4), 10_000)).containsExactly(4.0, 4.0);
    assertThat(ExpectedBand.of(series(1, 2, 3), 0)).containsExactly(Double.NaN, Double.NaN);
  }
}
