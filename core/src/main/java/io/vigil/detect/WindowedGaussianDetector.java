package io.vigil.detect;

import org.apache.commons.math3.special.Erf;

/**
 * NAB's windowed Gaussian baseline (nab/detectors/gaussian/windowedGaussian_detector.py): a point's
 * score is the normal distribution function at its distance from the window's mean in population
 * standard deviations, {@code 1 - Q(|x - mean| / std)}: 0.5 at the mean, near 1 far from it.
 *
 * <p>As in NAB, the point is scored before it joins the window, the first point scores 0, a window
 * with no variation uses a deviation of 1e-6, and the statistics are refreshed after every point
 * until the window is full, then once every {@code step} points, when the window slides forward by
 * the {@code step} points buffered since. Mean and deviation are summed in NumPy's order, so scores
 * match NAB's published results to the digit.
 *
 * <p>Cost: until the window is full each point costs O(points so far); after that O(window / step)
 * amortised. Memory: {@code 2 * window + step} doubles (the window, a scratch copy for the
 * deviations, and the step buffer).
 */
public final class WindowedGaussianDetector extends StreamingDetector {

  private static final double SQRT2 = Math.sqrt(2.0);
  private static final double NO_VARIATION_STD = 1e-6;

  private final double[] window;
  private final double[] pending;
  private final double[] scratch;
  private final double threshold;

  private int size;
  private int pendingSize;
  private double mean;
  private double std = 1.0;

  /**
   * Creates a detector.
   *
   * @param window how many past points form the distribution, at least 1 (NAB: 6400)
   * @param step how many points the full window slides at a time, 1 to {@code window} (NAB: 100)
   * @param threshold how many standard deviations from the mean make an anomaly, greater than 0
   */
  public WindowedGaussianDetector(int window, int step, double threshold) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1 but was " + window);
    }
    if (step < 1 || step > window) {
      throw new IllegalArgumentException("step must be in [1, " + window + "] but was " + step);
    }
    if (!(threshold > 0) || !Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be a number > 0 but was " + threshold);
    }
    this.window = new double[window];
    this.pending = new double[step];
    this.scratch = new double[window];
    this.threshold = threshold;
  }

  @Override
  protected Verdict accept(long timestampMillis, double value) {
    Verdict verdict = size == 0 ? Verdict.warmingUp() : score(value);
    learn(value);
    return verdict;
  }

  private Verdict score(double value) {
    // NAB reflects points below the mean before taking the upper tail; kept for identical rounding.
    double upper = value < mean ? 2 * mean - value : value;
    double z = (upper - mean) / std;
    double score = 1.0 - 0.5 * Erf.erfc(z / SQRT2);
    double band = threshold * std;
    return Verdict.scored(
        Math.min(1.0, Math.max(0.0, score)), z > threshold, mean, mean - band, mean + band);
  }

  private void learn(double value) {
    if (size < window.length) {
      window[size++] = value;
      refresh();
      return;
    }
    pending[pendingSize++] = value;
    if (pendingSize == pending.length) {
      System.arraycopy(window, pendingSize, window, 0, size - pendingSize);
      System.arraycopy(pending, 0, window, size - pendingSize, pendingSize);
      pendingSize = 0;
      refresh();
    }
  }

  /** NumPy's {@code mean} and {@code std} (population), in its order of operations. */
  private void refresh() {
    mean = PairwiseSum.sum(window, 0, size) / size;
    for (int i = 0; i < size; i++) {
      double d = window[i] - mean;
      scratch[i] = d * d;
    }
    std = Math.sqrt(PairwiseSum.sum(scratch, 0, size) / size);
    if (std == 0.0) {
      std = NO_VARIATION_STD;
    }
  }
}
