package io.vigil.rca;

import java.util.Arrays;

/**
 * Scores one metric series of an incident against its own normal window: how far the anomalous
 * window moved from the normal center, in units of the normal spread, and when it first moved.
 */
public final class SignalScorer {

  /** Smallest spread, relative to the normal median: a move of 1% of the level is one unit. */
  static final double RELATIVE_FLOOR = 0.01;

  private final boolean robust;
  private final boolean upwardOnly;
  private final double onsetThreshold;
  private final boolean fallbackSpread;

  private SignalScorer(
      boolean robust, boolean upwardOnly, double onsetThreshold, boolean fallbackSpread) {
    this.robust = robust;
    this.fallbackSpread = fallbackSpread;
    this.upwardOnly = upwardOnly;
    this.onsetThreshold = onsetThreshold;
  }

  /**
   * Vigil's scoring: deviation from the median of the normal window in IQRs, in the direction that
   * is bad for the signal (down for success rates, up for everything else); a point has moved from
   * {@code onsetThreshold} spreads away. An IQR that is zero or rounding noise next to the median
   * (a mostly constant metric) falls back to the standard deviation; the spread is never below 1%
   * of the median's size, and 1 when that is 0 too.
   */
  public static SignalScorer robust(double onsetThreshold) {
    return new SignalScorer(true, true, onsetThreshold, true);
  }

  /** BARO's scoring: upward deviation from the median in IQRs (IQR 0 taken as 1). */
  public static SignalScorer baro() {
    return new SignalScorer(true, true, 3.0, false);
  }

  /** N-sigma's scoring: upward deviation from the mean in standard deviations (0 taken as 1). */
  public static SignalScorer nsigma() {
    return new SignalScorer(false, true, 3.0, false);
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
    double spread =
        fallbackSpread ? spread(stats, normal) : stats.spread() == 0.0 ? 1.0 : stats.spread();
    double sign = upwardOnly && fallbackSpread && lowerIsWorse(series.signal()) ? -1.0 : 1.0;
    double best = Double.NEGATIVE_INFINITY;
    double peak = Double.NaN;
    long onset = Long.MAX_VALUE;
    for (int i = split; i < end && Double.isFinite(center); i++) {
      double x = series.values()[i];
      if (!Double.isFinite(x)) {
        continue;
      }
      double z = sign * (x - center) / spread;
      double strength = upwardOnly ? z : Math.abs(z);
      if (strength > best) {
        best = strength;
        peak = x;
      }
      if (onset == Long.MAX_VALUE && strength >= onsetThreshold) {
        onset = series.timestamps()[i];
      }
    }
    double deviation = Double.isNaN(peak) ? 0.0 : sign * (peak - center) / spread;
    return new SignalEvidence(
        series.service(), series.signal(), center, stats.spread(), peak, deviation, onset);
  }

  private static double spread(WindowStats robustStats, double[] normal) {
    double level = Math.abs(robustStats.center());
    double spread = robustStats.spread();
    if (!(spread > 1e-9 * level)) {
      spread = WindowStats.classic(normal).spread();
    }
    spread = Math.max(spread, RELATIVE_FLOOR * level);
    return spread > 0.0 ? spread : 1.0;
  }

  /** Whether a fall of the signal is the bad direction: success rates and the like. */
  static boolean lowerIsWorse(String signal) {
    return signal.toLowerCase(java.util.Locale.ROOT).contains("success");
  }

  /**
   * The strength used for ranking: the signed deviation, or its size when both directions count.
   */
  public double strength(SignalEvidence evidence) {
    return upwardOnly ? evidence.deviation() : Math.abs(evidence.deviation());
  }
}
