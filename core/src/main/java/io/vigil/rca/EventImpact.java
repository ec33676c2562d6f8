package io.vigil.rca;

import java.util.Arrays;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * The impact of an event (a deploy, a config change) on a metric: the means in a window before and
 * after it, the percent change, and the p-value of Welch's two-sample t-test (unequal variances).
 *
 * @param beforeMean mean of the finite values in {@code [event - window, event)}
 * @param afterMean mean of the finite values in {@code [event, event + window)}
 * @param percentChange {@code 100 * (after - before) / |before|}; NaN when before is 0
 * @param pValue two-sided p-value of Welch's t-test; NaN with fewer than two points on a side or no
 *     variance on either
 * @param beforeCount points before
 * @param afterCount points after
 */
public record EventImpact(
    double beforeMean,
    double afterMean,
    double percentChange,
    double pValue,
    int beforeCount,
    int afterCount) {

  /** Measures the impact of an event at {@code eventMillis} on the series. */
  public static EventImpact of(MetricSeries series, long eventMillis, long windowMillis) {
    if (windowMillis <= 0) {
      throw new IllegalArgumentException("windowMillis must be > 0 but was " + windowMillis);
    }
    double[] before = window(series, eventMillis - windowMillis, eventMillis);
    double[] after = window(series, eventMillis, eventMillis + windowMillis);
    double b = before.length == 0 ? Double.NaN : StatUtils.mean(before);
    double a = after.length == 0 ? Double.NaN : StatUtils.mean(after);
    double change = b == 0.0 ? Double.NaN : 100.0 * (a - b) / Math.abs(b);
    double p = Double.NaN;
    if (before.length >= 2
        && after.length >= 2
        && (StatUtils.variance(before) > 0 || StatUtils.variance(after) > 0)) {
      p = new TTest().tTest(before, after);
    }
    return new EventImpact(b, a, change, p, before.length, after.length);
  }

  private static double[] window(MetricSeries series, long from, long to) {
    int lo = series.indexAtOrAfter(from);
    int hi = series.indexAtOrAfter(to);
    return Arrays.stream(series.values(), lo, hi).filter(Double::isFinite).toArray();
  }

  /** Whether the change is significant at the given level. */
  public boolean significant(double alpha) {
    return pValue < alpha;
  }
}
