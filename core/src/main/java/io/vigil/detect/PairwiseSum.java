package io.vigil.detect;

/**
 * Sums doubles in the order NumPy's {@code np.sum} does for a contiguous array (pairwise summation
 * with eight accumulators over blocks of at most 128 values), so that detectors that port a NumPy
 * reference reproduce its results to the last bit, not only to rounding.
 */
final class PairwiseSum {

  private static final int BLOCK = 128;

  private PairwiseSum() {}

  /** The sum of {@code values[from .. from + n)}. */
  static double sum(double[] values, int from, int n) {
    if (n < 8) {
      double sum = 0.0;
      for (int i = 0; i < n; i++) {
        sum += values[from + i];
      }
      return sum;
    }
    if (n <= BLOCK) {
      double r0 = values[from];
      double r1 = values[from + 1];
      double r2 = values[from + 2];
      double r3 = values[from + 3];
      double r4 = values[from + 4];
      double r5 = values[from + 5];
      double r6 = values[from + 6];
      double r7 = values[from + 7];
      int i = 8;
      for (; i < n - n % 8; i += 8) {
        r0 += values[from + i];
        r1 += values[from + i + 1];
        r2 += values[from + i + 2];
        r3 += values[from + i + 3];
        r4 += values[from + i + 4];
        r5 += values[from + i + 5];
        r6 += values[from + i + 6];
        r7 += values[from + i + 7];
      }
      double sum = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
      for (; i < n; i++) {
        sum += values[from + i];
      }
      return sum;
    }
    int half = n / 2;
    half -= half % 8;
    return sum(values, from, half) + sum(values, from + half, n - half);
  }
}
