package io.vigil.detect;

/**
 * The rolling z-score: how many standard deviations a point lies from the mean of the previous
 * {@code window} points.
 *
 * <p>The current point is scored against the window before it joins it. Mean and variance are kept
 * by a sliding Welford update, so each point costs O(1), not O(window); the sums are recomputed
 * exactly every {@code max(window, 1024)} points so rounding error cannot accumulate. A window with
 * zero variance decides nothing ({@link VerdictReason#NO_VARIATION}).
 *
 * <p>Memory: one {@code double[window]} ring buffer, 8 bytes per point of window.
 */
public final class RollingZScoreDetector extends StreamingDetector {

  private static final double INVERSE_SQRT2 = 1 / Math.sqrt(2.0);
  private static final int RECOMPUTE_MIN_INTERVAL = 1024;

  private final double[] ring;
  private final double threshold;
  private final double inverseWindow;
  private final int minPoints;

  private int size;
  private int next;
  private int sinceRecompute;
  private double mean;
  private double m2;

  /**
   * Creates a detector.
   *
   * @param window how many previous points form the reference, at least 2
   * @param threshold how many standard deviations make an anomaly, greater than 0
   * @param minPoints how many previous points are needed before scoring, 2 to {@code window}
   */
  public RollingZScoreDetector(int window, double threshold, int minPoints) {
    if (window < 2) {
      throw new IllegalArgumentException("window must be >= 2 but was " + window);
    }
    if (!(threshold > 0) || !Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be a number > 0 but was " + threshold);
    }
    if (minPoints < 2 || minPoints > window) {
      throw new IllegalArgumentException(
          "minPoints must be in [2, " + window + "] but was " + minPoints);
    }
    this.ring = new double[window];
    this.inverseWindow = 1.0 / window;
    this.threshold = threshold;
    this.minPoints = minPoints;
  }

  @Override
  protected Verdict accept(long timestampMillis, double value) {
    Verdict verdict = score(value);
    learn(value);
    return verdict;
  }

  private Verdict score(double value) {
    if (size < minPoints) {
      return Verdict.warmingUp();
    }
    double variance = size == ring.length ? m2 * inverseWindow : m2 / size;
    double std = Math.sqrt(Math.max(variance, 0.0));
    if (std == 0.0 || std < Math.ulp(mean) * 4) {
      return Verdict.undecided(VerdictReason.NO_VARIATION);
    }
    double z = Math.abs(value - mean) / std;
    double band = threshold * std;
    // Two-sided normal tail: the share of a normal population closer to the mean than this point.
    double score = FastErf.erf(z * INVERSE_SQRT2);
    return Verdict.scored(
        Math.min(1.0, Math.max(0.0, score)), z > threshold, mean, mean - band, mean + band);
  }

  private void learn(double value) {
    if (size == ring.length) {
      // Sliding Welford with the window full: the oldest point leaves as the new one joins.
      double old = ring[next];
      double newMean = mean + (value - old) * inverseWindow;
      m2 += (value - old) * (value - newMean + old - mean);
      mean = newMean;
    } else {
      size++;
      double delta = value - mean;
      mean += delta / size;
      m2 += delta * (value - mean);
    }
    ring[next] = value;
    if (++next == ring.length) {
      next = 0;
    }
    // At most once per 1,024 points: often enough against drift, and rare enough that the JIT
    // leaves the O(window) loop out of the inlined per-point path.
    if (++sinceRecompute >= Math.max(ring.length, RECOMPUTE_MIN_INTERVAL)) {
      recompute();
    }
  }

  private void recompute() {
    sinceRecompute = 0;
    double sum = 0;
    for (int i = 0; i < size; i++) {
      sum += ring[i];
    }
    double m = sum / size;
    double squares = 0;
    for (int i = 0; i < size; i++) {
      double d = ring[i] - m;
      squares += d * d;
    }
    mean = m;
    m2 = squares;
  }
}
