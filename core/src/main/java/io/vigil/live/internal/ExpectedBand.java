package io.vigil.live.internal;

import io.vigil.rca.MetricSeries;
import java.util.Arrays;

/**
 * The expected band of a signal from its normal window: median plus or minus three robust standard
 * deviations, a robust standard deviation being 1.4826 times the median absolute deviation (the
 * factor that makes it the standard deviation for normal data). When more than half the points sit
 * on the median (MAD 0), the plain standard deviation stands in, so a flat signal with rare blips
 * still gets a band of their size.
 */
public final class ExpectedBand {

  /** Half-width of the band, in robust standard deviations. */
  public static final double K = 3.0;

  private static final double MAD_TO_SIGMA = 1.4826;

  private ExpectedBand() {}

  /** {@code [lower, upper]} of the finite values before {@code startMillis}; NaNs when none. */
  public static double[] of(MetricSeries series, long startMillis) {
    int split = series.indexAtOrAfter(startMillis);
    double[] normal =
        Arrays.stream(series.values(), 0, split).filter(Double::isFinite).sorted().toArray();
    if (normal.length == 0) {
      return new double[] {Double.NaN, Double.NaN};
    }
    double median = median(normal);
    double[] deviations = new double[normal.length];
    for (int i = 0; i < normal.length; i++) {
      deviations[i] = Math.abs(normal[i] - median);
    }
    Arrays.sort(deviations);
    double sigma = MAD_TO_SIGMA * median(deviations);
    if (sigma == 0.0) {
      sigma = standardDeviation(normal);
    }
    return new double[] {median - K * sigma, median + K * sigma};
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double standardDeviation(double[] values) {
    double mean = Arrays.stream(values).average().orElse(0.0);
    double sq = 0.0;
    for (double v : values) {
      sq += (v - mean) * (v - mean);
    }
    return Math.sqrt(sq / values.length);
  }
}
