package io.vigil.rca;

import java.util.Arrays;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Location and spread of a window of values: median and interquartile range (robust), or mean and
 * population standard deviation (classic). Quantiles interpolate linearly (R-7, as NumPy does).
 *
 * @param center the median or the mean
 * @param spread the IQR or the standard deviation
 */
record WindowStats(double center, double spread) {

  /** Median and IQR of the finite values; NaN for both when there are none. */
  static WindowStats robust(double[] values) {
    double[] finite = finite(values);
    if (finite.length == 0) {
      return new WindowStats(Double.NaN, Double.NaN);
    }
    Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
    percentile.setData(finite);
    return new WindowStats(
        percentile.evaluate(50.0), percentile.evaluate(75.0) - percentile.evaluate(25.0));
  }

  /** Mean and population standard deviation of the finite values; NaN when there are none. */
  static WindowStats classic(double[] values) {
    double[] finite = finite(values);
    if (finite.length == 0) {
      return new WindowStats(Double.NaN, Double.NaN);
    }
    double mean = Arrays.stream(finite).average().orElse(Double.NaN);
    double sq = 0.0;
    for (double v : finite) {
      sq += (v - mean) * (v - mean);
    }
    return new WindowStats(mean, Math.sqrt(sq / finite.length));
  }

  static double[] finite(double[] values) {
    return Arrays.stream(values).filter(Double::isFinite).toArray();
  }
}
