package io.vigil.rca;

import java.util.Arrays;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;

/**
 * Pearson correlation of two series aligned on timestamps with a tolerance, as pandas' {@code
 * merge_asof(direction="backward")} does: each point of the left series is paired with the latest
 * point of the right series at or before it, if that point is at most {@code toleranceMillis}
 * older. Points with a NaN on either side are left out.
 */
public final class SeriesCorrelation {

  private SeriesCorrelation() {}

  /**
   * The correlation of the aligned pairs, or NaN when fewer than three pairs align or either side
   * is constant.
   */
  public static double pearson(MetricSeries left, MetricSeries right, long toleranceMillis) {
    if (toleranceMillis < 0) {
      throw new IllegalArgumentException("toleranceMillis must be >= 0 but was " + toleranceMillis);
    }
    double[] x = new double[left.size()];
    double[] y = new double[left.size()];
    int pairs = 0;
    int j = -1;
    for (int i = 0; i < left.size(); i++) {
      long t = left.timestamps()[i];
      while (j + 1 < right.size() && right.timestamps()[j + 1] <= t) {
        j++;
      }
      if (j < 0 || t - right.timestamps()[j] > toleranceMillis) {
        continue;
      }
      double a = left.values()[i];
      double b = right.values()[j];
      if (Double.isFinite(a) && Double.isFinite(b)) {
        x[pairs] = a;
        y[pairs] = b;
        pairs++;
      }
    }
    if (pairs < 3) {
      return Double.NaN;
    }
    return new PearsonsCorrelation().correlation(Arrays.copyOf(x, pairs), Arrays.copyOf(y, pairs));
  }
}
