package io.vigil.rca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeriesCorrelationTest {

  @Test
  void pairsEachLeftPointWithTheLatestRightPointWithinTheTolerance() {
    MetricSeries left =
        new MetricSeries(
            "a", "x", new long[] {1000, 2000, 3000, 4000, 5000}, new double[] {1, 2, 3, 4, 5});
    // Right lags by 400 ms: with a 500 ms tolerance every point pairs and the fit is perfect.
    MetricSeries right =
        new MetricSeries(
            "b", "y", new long[] {600, 1600, 2600, 3600, 4600}, new double[] {10, 20, 30, 40, 50});
    assertThat(SeriesCorrelation.pearson(left, right, 500)).isCloseTo(1.0, within(1e-12));
    // With a 300 ms tolerance nothing pairs.
    assertThat(SeriesCorrelation.pearson(left, right, 300)).isNaN();
  }

  @Test
  void usesTheLatestEarlierPointNotTheNearest() {
    MetricSeries left =
        new MetricSeries("a", "x", new long[] {10, 20, 30, 40}, new double[] {1, 2, 3, 4});
    // 19 is after 10 and before 20: left@20 pairs with 19, left@10 with 9.
    MetricSeries right =
        new MetricSeries("b", "y", new long[] {9, 19, 29, 39, 41}, new double[] {4, 3, 2, 1, 100});
    assertThat(SeriesCorrelation.pearson(left, right, 5)).isCloseTo(-1.0, within(1e-12));
  }
}
