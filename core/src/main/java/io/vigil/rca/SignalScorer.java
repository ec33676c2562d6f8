package io.vigil.rca;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Scores one metric series of an incident against its own normal window: how far the anomalous
 * window moved from the normal center, in units of the normal spread, in the bad direction, and
 * when it first moved.
 */
final class SignalScorer {

  /** Splits a signal name into words: at non-alphanumerics and lower-to-upper case changes. */
  private static final Pattern WORDS = Pattern.compile("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])");

  /** Smallest spread, relative to the normal median: a move of 1% of the level is one unit. */
  static final double RELATIVE_FLOOR = 0.01;

  private final boolean robust;
  private final boolean vigil;
  private final double onsetThreshold;
  private final int persistence;

  private SignalScorer(boolean robust, boolean vigil, double onsetThreshold, int persistence) {
    if (persistence < 1) {
      throw new IllegalArgumentException("persistence must be >= 1 but was " + persistence);
    }
    this.robust = robust;
    this.vigil = vigil;
    this.onsetThreshold = onsetThreshold;
    this.persistence = persistence;
  }

  /**
   * Vigil's scoring: deviation from the median of the normal window in IQRs, in the direction that
   * is bad for the signal (down for success rates, up for everything else), reached by at least
   * {@code persistence} anomalous points (so that one spike of a noisy percentile does not count);
   * a point has moved from {@code onsetThreshold} spreads away. An IQR that is zero or rounding
   * noise next to the median (a mostly constant metric) falls back to the standard deviation; the
   * spread is never below 1% of the median's size, and 1 when that is 0 too.
   */
  static SignalScorer robust(double onsetThreshold, int persistence) {
    return new SignalScorer(true, true, onsetThreshold, persistence);
  }

  /** BARO's scoring: the upward peak's distance from the median in IQRs (IQR 0 taken as 1). */
  static SignalScorer baro() {
    return new SignalScorer(true, false, 3.0, 1);
  }

  /** N-sigma's scoring: the upward peak's distance from the mean in standard deviations. */
  static SignalScorer nsigma() {
    return new SignalScorer(false, false, 3.0, 1);
  }

  /**
   * The evidence the series gives for the incident's windows; deviation 0 when a window is empty.
   */
  SignalEvidence score(MetricSeries series, long startMillis, long endMillis) {
    int split = series.indexAtOrAfter(startMillis);
    int end = endMillis == Long.MAX_VALUE ? series.size() : series.indexAtOrAfter(endMillis + 1);
    double[] normal = Arrays.copyOfRange(series.values(), 0, split);
    WindowStats stats = robust ? WindowStats.robust(normal) : WindowStats.classic(normal);
    double center = stats.center();
    double spread = vigil ? spread(stats, normal) : stats.spread() == 0.0 ? 1.0 : stats.spread();
    double sign = vigil && lowerIsWorse(series.signal()) ? -1.0 : 1.0;
    double[] deviations = new double[Math.max(0, end - split)];
    int count = 0;
    long onset = Long.MAX_VALUE;
    for (int i = split; i < end && Double.isFinite(center); i++) {
      double x = series.values()[i];
      if (!Double.isFinite(x)) {
        continue;
      }
      double z = sign * (x - center) / spread;
      deviations[count++] = z;
      if (onset == Long.MAX_VALUE && z >= onsetThreshold) {
        onset = series.timestamps()[i];
      }
    }
    if (count == 0) {
      return new SignalEvidence(
          series.service(), series.signal(), center, stats.spread(), Double.NaN, 0.0, onset);
    }
    Arrays.sort(deviations, 0, count);
    // The persistence-th largest deviation (all of them when the window is shorter).
    double deviation = deviations[Math.max(0, count - persistence)];
    double level = center + sign * deviation * spread;
    return new SignalEvidence(
        series.service(), series.signal(), center, stats.spread(), level, deviation, onset);
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

  /**
   * Whether the signal measures a resource the service itself consumes (CPU or memory, by name),
   * rather than a symptom such as latency, errors or traffic that also moves with its callees.
   */
  static boolean isResource(String signal) {
    // Whole words only, so that "memcached_latency" is no memory signal.
    for (String word : WORDS.split(signal)) {
      String w = word.toLowerCase(Locale.ROOT);
      if (w.equals("cpu") || w.equals("mem") || w.equals("memory")) {
        return true;
      }
    }
    return false;
  }

  /** Whether a fall of the signal is the bad direction: success rates and the like. */
  static boolean lowerIsWorse(String signal) {
    return signal.toLowerCase(Locale.ROOT).contains("success");
  }
}
