package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PairwiseSumTest {

  // Expected sums printed by NumPy 2.4.6: np.sum(np.array([1.0 / (i + 1) for i in range(n)])).
  @Test
  void sumsHarmonicSeriesBitForBitAsNumPy() {
    assertThat(PairwiseSum.sum(harmonic(5), 0, 5)).isEqualTo(2.283333333333333);
    assertThat(PairwiseSum.sum(harmonic(100), 0, 100)).isEqualTo(5.187377517639621);
    assertThat(PairwiseSum.sum(harmonic(1000), 0, 1000)).isEqualTo(7.485470860550345);
    assertThat(PairwiseSum.sum(harmonic(6400), 0, 6400)).isEqualTo(9.341347057214792);
  }

  @Test
  void differsFromALeftToRightLoopWhereNumPyDoes() {
    double[] values = harmonic(6400);
    double naive = 0;
    for (double v : values) {
      naive += v;
    }
    // A plain loop gives 9.341347057214758, NumPy 9.341347057214792.
    assertThat(naive).isEqualTo(9.341347057214758);
    assertThat(PairwiseSum.sum(values, 0, values.length)).isNotEqualTo(naive);
  }

  @Test
  void sumsASliceOnly() {
    double[] values = {100, 1, 2, 3, 100};
    assertThat(PairwiseSum.sum(values, 1, 3)).isEqualTo(6.0);
    assertThat(PairwiseSum.sum(values, 2, 0)).isEqualTo(0.0);
  }

  private static double[] harmonic(int n) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = 1.0 / (i + 1);
    }
    return values;
  }
}
