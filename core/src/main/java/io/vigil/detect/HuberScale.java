package io.vigil.detect;

/**
 * An exponentially weighted, outlier-resistant centre and spread of a stream (Huber's idea applied
 * to an exponential moving average): each step towards a new value is clipped at {@code k} spreads,
 * so one spike moves neither much, while a lasting shift is followed within about {@code 1 / alpha}
 * points.
 *
 * <p>Values are taken as given; callers pass half-values so that no difference overflows. The first
 * {@code 1 / alpha} points are averaged plainly (weight {@code max(alpha, 1 / n)}), unclipped for
 * the first ten. Memory: four doubles and a count.
 */
final class HuberScale {

  private static final int UNCLIPPED = 10;

  private final double alpha;
  private final double k;
  private long n;
  private double centre;
  private double spread;

  HuberScale(double alpha, double k) {
    this.alpha = alpha;
    this.k = k;
  }

  /**
   * How many spreads {@code x} lies from the centre, before learning it; 0 for the first ten
   * values.
   *
   * @param x the value
   * @param minSpread the spread used when the stream's own is smaller, greater than 0
   */
  double update(double x, double minSpread) {
    double deviation = x - centre;
    double surprise = 0;
    if (n >= UNCLIPPED) {
      surprise = Math.min(Double.MAX_VALUE, Math.abs(deviation) / Math.max(spread, minSpread));
    }
    n++;
    double weight = Math.max(alpha, 1.0 / n);
    double limit = n > UNCLIPPED ? Math.min(Double.MAX_VALUE, k * spread) : Double.MAX_VALUE;
    centre += weight * Math.max(-limit, Math.min(limit, deviation));
    spread += weight * (Math.min(Math.abs(deviation), limit) - spread);
    return surprise;
  }

  /** The current centre. */
  double centre() {
    return centre;
  }

  /** The current spread (an exponentially weighted mean absolute deviation, clipped). */
  double spread() {
    return spread;
  }
}
