package io.vigil.rca;

import java.util.Arrays;

/**
 * Scores one metric series of an incident against its own normal window: how far the anomalous
 * window moved from the normal center, in units of the normal spread, and when it first moved.
 */
public final class SignalScorer {

  private final boolean robust;
  private final boolean upwardOnly;
  private final double onsetThreshold;

  private SignalScorer(boolean robust, boolean upwardOnly, double onsetThreshold) {
    this.robust = robust;
    this.upwardOnly = upwardOnly;
    this.onsetThreshold = onsetThreshold;
  }

  /**
   * Median and IQR of the normal window, deviation in both directions; a point is anomalous from
   * {@code onsetThreshold} IQRs away.
   */
  public static SignalScorer robust(double onsetThreshold) {
    return new SignalScorer(true, true, onsetThreshold);
  }

  /** BARO's scoring: upward deviation from the median in IQRs (IQR 0 taken as 1). */
  public static SignalScorer baro() {
    return new SignalScorer(true, true, 3.0);
  }

  /** N-sigma's scoring: upward deviation from the mean in standard deviations (0 taken as 1). */
  public static SignalScorer nsigma() {
    return new SignalScorer(false, true, 3.0);
  }

  /**
   * The evidence the series gives for the incident's windows; deviation 0 when a window is empty.
   */
  public SignalEvidence score(MetricSeries series, long startMillis, long endMillis) {
    int split = series.indexAtOrAfter(startMillis);
    int end = endMillis == Long.MAX_VALUE ? series.size() : series.indexAtOrAfter(endMillis + 1);
    double[] normal = Arrays.copyOfRange(series.values(), 0, split);
    WindowStats stats = robust ? WindowStats.robust(normal) : WindowStats.classic(normal);
    double center = stats.center();
    double spread = stats.spread() == 0.0 ? 1.0 : stats.spread();
    double best = Double.NEGATIVE_INFINITY;
    double peak = Double.NaN;
    long onset = Long.MAX_VALUE;
    for (int i = split; i < end && Double.isFinite(center); i++) {
      double x = series.values()[i];
      if (!Double.isFinite(x)) {
        continue;
      }
      double z = (x - center) / spread;
      double strength = upwardOnly ? z : Math.abs(z);
      if (strength > best) {
        best = strength;
        peak = x;
      }
      if (onset == Long.MAX_VALUE && strength >= onsetThreshold) {
        onset = series.timestamps()[i];
      }
    }
    double deviation = Double.isNaN(peak) ? 0.0 : (peak - center) / spread;
    return new SignalEvidence(
        series.service(), series.signal(), center, stats.spread(), peak, deviation, onset);
  }

  /**
   * The strength used for ranking: the signed deviation, or its size when both directions count.
   */
  public double strength(SignalEvidence evidence) {
    return upwardOnly ? evidence.deviation() : Math.abs(evidence.deviation());
  }
}
