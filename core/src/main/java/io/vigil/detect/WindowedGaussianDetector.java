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
 * match NAB's published results to the digit. Unlike the other detectors, it keeps NAB's score,
 * which is exactly 1 past about 8 deviations, so that it stays NAB's baseline. Any finite value is
 * taken: a window whose sums overflow is summarised on values divided by a power of two instead.
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

  /** The largest window accepted: 16 MB of window and scratch per series. */
  public static final int MAX_WINDOW = 1_000_000;

  /**
   * The settings of a {@link WindowedGaussianDetector}, checked once here.
   *
   * @param window how many past points form the distribution, 1 to {@value #MAX_WINDOW} (NAB: 6400)
   * @param step how many points the full window slides at a time, 1 to {@code window} (NAB: 100)
   * @param threshold how many standard deviations from the mean make an anomaly, greater than 0
   */
  public record Settings(int window, int step, double threshold) {

    /** Checks every range, naming the setting, the bound and the value. */
    public Settings {
      SettingCheck.within("window", window, 1, MAX_WINDOW);
      SettingCheck.within("step", step, 1, window);
      SettingCheck.above("threshold", threshold, 0);
    }
  }

  /** Creates a detector from checked settings. */
  public WindowedGaussianDetector(Settings settings) {
    this.window = new double[settings.window()];
    this.pending = new double[settings.step()];
    this.scratch = new double[settings.window()];
    this.threshold = settings.threshold();
  }

  /** Creates a detector; see {@link Settings} for each parameter's range. */
  public WindowedGaussianDetector(int window, int step, double threshold) {
    this(new Settings(window, step, threshold));
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
    if (Double.isInfinite(z) || Double.isNaN(z)) {
      // Only past about 1e308: the same distance on half-values, which cannot overflow.
      z = Math.abs(value * 0.5 - mean * 0.5) / (std * 0.5);
    }
    double score = 1.0 - 0.5 * Erf.erfc(z / SQRT2);
    double band = threshold * std;
    return Verdict.scored(
        Math.min(1.0, Math.max(0.0, score)),
        z > threshold,
        mean,
        Math.max(-Double.MAX_VALUE, mean - band),
        Math.min(Double.MAX_VALUE, mean + band));
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
    if (!Double.isFinite(std) || std == 0.0) {
      // Sums that overflowed, or squares that underflowed (values near 1e-300): for ordinary
      // values the scaled sums are the same bits, so NAB's results are untouched.
      refreshScaled();
    }
    if (std == 0.0) {
      std = NO_VARIATION_STD;
    }
  }

  /**
   * The same statistics on the window divided by a power of two near its largest magnitude, for
   * windows whose sum or squares overflow (values near {@code 1e154} and beyond).
   */
  private void refreshScaled() {
    double largest = 0;
    for (int i = 0; i < size; i++) {
      largest = Math.max(largest, Math.abs(window[i]));
    }
    int exponent = largest == 0 ? 0 : Math.getExponent(largest);
    double down = Math.scalb(1.0, -exponent);
    for (int i = 0; i < size; i++) {
      scratch[i] = window[i] * down;
    }
    double m = PairwiseSum.sum(scratch, 0, size) / size;
    for (int i = 0; i < size; i++) {
      double d = window[i] * down - m;
      scratch[i] = d * d;
    }
    double squares = PairwiseSum.sum(scratch, 0, size);
    double up = Math.scalb(1.0, exponent);
    mean = m * up;
    std = Math.min(Double.MAX_VALUE, Math.sqrt(squares / size) * up);
  }
}
