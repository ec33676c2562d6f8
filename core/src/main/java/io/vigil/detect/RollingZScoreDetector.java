package io.vigil.detect;

/**
 * The rolling z-score: how many standard deviations a point lies from the mean of the previous
 * {@code window} points, scored by {@link OnsetScore} (the decision stays {@code z > threshold}).
 *
 * <p>The current point is scored against the window before it joins it. Mean and variance are kept
 * by a sliding Welford update, so each point costs O(1), not O(window). They are recomputed exactly
 * from the window every {@code max(window, 1024)} points, so rounding error cannot accumulate, and
 * at once whenever a departing point takes away most of the variance: after a point of {@code 1e10}
 * in values near 10 leaves, the remaining variance would otherwise be the rounding residue of
 * {@code 1e20}, and the detector blind. A window with zero variance decides nothing ({@link
 * VerdictReason#NO_VARIATION}).
 *
 * <p>Any finite value is taken: the sums are kept for the values divided by a power of two chosen
 * from the largest magnitude in the window (exact, and rechosen at each recomputation), so no sum
 * or square overflows or underflows.
 *
 * <p>Memory: one {@code double[window]} ring buffer, 8 bytes per point of window.
 */
public final class RollingZScoreDetector extends StreamingDetector {

  /** The largest window accepted: 8 MB of ring buffer per series. */
  public static final int MAX_WINDOW = 1_000_000;

  /**
   * The settings of a {@link RollingZScoreDetector}, checked once here.
   *
   * @param window how many previous points form the reference, 2 to {@value #MAX_WINDOW}
   * @param threshold how many standard deviations make an anomaly, greater than 0
   * @param minPoints how many previous points are needed before scoring, 2 to {@code window}
   */
  public record Settings(int window, double threshold, int minPoints) {

    /** Checks every range, naming the setting, the bound and the value. */
    public Settings {
      SettingCheck.within("window", window, 2, MAX_WINDOW);
      SettingCheck.above("threshold", threshold, 0);
      SettingCheck.within("min-points", minPoints, 2, window);
    }
  }

  private static final int RECOMPUTE_MIN_INTERVAL = 1024;

  /** A departing point that leaves less than this share of the variance forces a recomputation. */
  private static final double CANCELLATION = 0x1p-20;

  /** Scaled values past this magnitude force a new scale (their squares still fit a double). */
  private static final double SCALED_LIMIT = 0x1p400;

  /** A window whose scaled values are all below this magnitude gets a new, smaller scale. */
  private static final double SCALED_FLOOR = 0x1p-400;

  private final double[] ring;
  private final double threshold;
  private final double inverseWindow;
  private final int minPoints;
  private final OnsetScore onset = new OnsetScore();

  private int size;
  private int next;
  private int sinceRecompute;
  private double scale = 1.0;
  private double inverseScale = 1.0;
  private double mean;
  private double m2;

  /** Creates a detector from checked settings. */
  public RollingZScoreDetector(Settings settings) {
    this.ring = new double[settings.window()];
    this.inverseWindow = 1.0 / settings.window();
    this.threshold = settings.threshold();
    this.minPoints = settings.minPoints();
  }

  /** Creates a detector; see {@link Settings} for each parameter's range. */
  public RollingZScoreDetector(int window, double threshold, int minPoints) {
    this(new Settings(window, threshold, minPoints));
  }

  @Override
  protected Verdict accept(long timestampMillis, double value) {
    Verdict verdict = score(value * inverseScale);
    learn(value);
    return verdict;
  }

  private Verdict score(double scaled) {
    if (size < minPoints) {
      return Verdict.warmingUp();
    }
    double variance = size == ring.length ? m2 * inverseWindow : m2 / size;
    double std = Math.sqrt(Math.max(variance, 0.0));
    if (std == 0.0 || std < Math.ulp(mean) * 4) {
      return Verdict.undecided(VerdictReason.NO_VARIATION);
    }
    // Halves, so that a scaled value far outside the window cannot overflow the difference.
    double z = Math.abs(scaled * 0.5 - mean * 0.5) / (std * 0.5);
    double band = threshold * std;
    return Verdict.scored(
        onset.score(z), z > threshold, unscale(mean), unscale(mean - band), unscale(mean + band));
  }

  private double unscale(double scaled) {
    double value = scaled * scale;
    return Double.isInfinite(value) ? Math.copySign(Double.MAX_VALUE, value) : value;
  }

  private void learn(double value) {
    double old = ring[next];
    ring[next] = value;
    if (++next == ring.length) {
      next = 0;
    }
    double x = value * inverseScale;
    boolean tiny = Math.abs(x) < SCALED_FLOOR && Math.abs(mean) < SCALED_FLOOR && x != 0;
    if (!(Math.abs(x) < SCALED_LIMIT) || tiny) {
      size = Math.min(size + 1, ring.length);
      recompute();
      return;
    }
    if (size == ring.length) {
      // Sliding Welford with the window full: the oldest point leaves as the new one joins.
      double o = old * inverseScale;
      double newMean = mean + (x - o) * inverseWindow;
      double before = m2;
      m2 += (x - o) * (x - newMean + o - mean);
      mean = newMean;
      if (m2 < before * CANCELLATION) {
        recompute();
        return;
      }
    } else {
      size++;
      double delta = x - mean;
      mean += delta / size;
      m2 += delta * (x - mean);
    }
    // At most once per 1,024 points: often enough against drift, and rare enough that the JIT
    // leaves the O(window) loop out of the inlined per-point path.
    if (++sinceRecompute >= Math.max(ring.length, RECOMPUTE_MIN_INTERVAL)) {
      recompute();
    }
  }

  /** Exact mean and sum of squares of the window, after choosing the scale from its magnitude. */
  private void recompute() {
    sinceRecompute = 0;
    double largest = 0;
    for (int i = 0; i < size; i++) {
      largest = Math.max(largest, Math.abs(ring[i]));
    }
    // A power of two, so scaling is exact; 1 for ordinary magnitudes, so they keep plain sums.
    int exponent =
        largest > SCALED_LIMIT || (largest < SCALED_FLOOR && largest > 0)
            ? Math.getExponent(largest)
            : 0;
    scale = Math.scalb(1.0, exponent);
    inverseScale = Math.scalb(1.0, -exponent);
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += ring[i] * inverseScale;
    }
    double m = sum / size;
    double squares = 0;
    for (int i = 0; i < size; i++) {
      double d = ring[i] * inverseScale - m;
      squares += d * d;
    }
    mean = m;
    m2 = squares;
  }
}
