package io.vigil.detect;

/**
 * The score every detector reports for a surprise {@code z} (deviations from normal, or any
 * non-negative measure): {@code L / (1 + L)} with {@code L = ln(1 + z)}.
 *
 * <p>It is 0 at {@code z = 0}, strictly increasing, and stays below 1 for every finite {@code z}:
 * at the largest double, {@code L} is about 710 and the score about 0.9986, so a 9-deviation blip
 * and a 90-deviation outage get different scores at {@code %.12g} (a tail probability such as
 * {@code erf(z / sqrt 2)} is exactly 1.0 past about 8 deviations, which leaves NAB's threshold
 * sweep nothing to choose between). Because it is monotone, a detector's decision {@code z > t} is
 * the same as {@code score > of(t)}; thresholds stay in the detector's own units.
 */
public final class Severity {

  private Severity() {}

  /**
   * The score of a surprise.
   *
   * @param z the surprise, at least 0; NaN and negative values score 0, positive infinity scores 1
   * @return a score in [0, 1]
   */
  public static double of(double z) {
    if (!(z > 0)) {
      return 0.0;
    }
    if (z == Double.POSITIVE_INFINITY) {
      return 1.0;
    }
    double l = Math.log1p(z);
    return l / (1 + l);
  }
}
