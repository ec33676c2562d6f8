package io.vigil.detect;

/**
 * Arithmetic that detectors working on half-values share so that no step can overflow: undoing the
 * halving with saturation, and a hypotenuse that is fast for ordinary magnitudes.
 */
final class Bands {

  private static final double SAFE_HIGH = 0x1p500;
  private static final double SAFE_LOW = 0x1p-500;

  private Bands() {}

  /** {@code 2 * half}, held at {@code ±Double.MAX_VALUE} instead of overflowing to infinity. */
  static double doubled(double half) {
    double twice = 2 * half;
    return Double.isInfinite(twice) ? Math.copySign(Double.MAX_VALUE, half) : twice;
  }

  /** {@code sqrt(a^2 + b^2)} without overflow or underflow; plain arithmetic when it is safe. */
  static double hypot(double a, double b) {
    double big = Math.max(Math.abs(a), Math.abs(b));
    if (big < SAFE_HIGH && big > SAFE_LOW) {
      return Math.sqrt(a * a + b * b);
    }
    return Math.hypot(a, b);
  }
}
