package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;

class FastErfTest {

  @Test
  void agreesWithCommonsMathAndNeverDecreases() {
    double previous = 0;
    for (double x = 0; x < 8; x += 1e-4) {
      double fast = FastErf.erf(x);
      assertThat(fast).as("erf(%s)", x).isCloseTo(Erf.erf(x), within(5e-7));
      assertThat(fast).as("erf(%s)", x).isGreaterThanOrEqualTo(previous);
      previous = fast;
    }
  }

  @Test
  void edgesAreExact() {
    assertThat(FastErf.erf(0)).isZero();
    assertThat(FastErf.erf(6)).isEqualTo(1.0);
    assertThat(FastErf.erf(Double.POSITIVE_INFINITY)).isEqualTo(1.0);
    assertThat(FastErf.erf(Double.NaN)).isNaN();
  }
}
