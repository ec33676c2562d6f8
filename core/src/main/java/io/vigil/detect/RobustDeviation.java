package io.vigil.detect;

/**
 * How far a value lies from the median of a sliding window, in robust standard deviations (the
 * interquartile range over 1.349), scored before the value joins the window. Any finite value is
 * taken; the deviation is held at {@code Double.MAX_VALUE}.
 *
 * <p>Memory: a {@link SortedWindow} of {@code window} values (16 bytes per point).
 */
final class RobustDeviation {

  private static final double IQR_PER_SIGMA = 1.349;
  private static final int MIN_POINTS = 10;

  private final SortedWindow window;
  private double median = Double.NaN;
  private double sigma = Double.NaN;

  RobustDeviation(int window) {
    this.window = new SortedWindow(window);
  }

  /** Scores {@code value} against the window, then adds it; 0 until ten values were seen. */
  double update(double value) {
    double deviation = 0;
    if (window.size() >= MIN_POINTS) {
      median = window.quantile(0.5);
      // On half-values (exact for normal doubles) so that no difference overflows.
      double halfIqr = window.quantile(0.75) * 0.5 - window.quantile(0.25) * 0.5;
      // A floor keeps a flat window from dividing by zero; any change from flat is then large.
      double halfSigma = Math.max(halfIqr / IQR_PER_SIGMA, (1e-9 * Math.abs(median) + 1e-12) * 0.5);
      sigma = Bands.doubled(halfSigma);
      deviation = Math.min(Double.MAX_VALUE, Math.abs(value * 0.5 - median * 0.5) / halfSigma);
    }
    window.add(value);
    return deviation;
  }

  /** The window's median at the last scored value, NaN before. */
  double median() {
    return median;
  }

  /** The robust standard deviation at the last scored value, NaN before. */
  double sigma() {
    return sigma;
  }
}
