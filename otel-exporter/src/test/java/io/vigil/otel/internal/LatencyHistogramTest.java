package io.vigil.otel.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

  @Test
  void quantilesAreWithinTheBucketWidthOfTheExactOnes() {
    LatencyHistogram histogram = new LatencyHistogram();
    Random random = new Random(7);
    long[] values = new long[10_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = (long) (Math.exp(random.nextGaussian() * 1.5 + 2.0) * 1_000_000);
      histogram.record(values[i]);
    }
    java.util.Arrays.sort(values);
    for (double q : new double[] {0.5, 0.9, 0.99}) {
      double exact = values[(int) Math.ceil(q * values.length) - 1] / 1e6;
      assertThat(histogram.quantileMillis(q)).isCloseTo(exact, Percentage.withPercentage(12.5));
    }
  }

  @Test
  void bucketsTileTheRangeWithoutGapsAndResetForgets() {
    for (int i = 1; i < LatencyHistogram.BUCKETS; i++) {
      assertThat(LatencyHistogram.lowerMicros(i)).isEqualTo(LatencyHistogram.upperMicros(i - 1));
    }
    assertThat(LatencyHistogram.index(-5)).isZero();
    assertThat(LatencyHistogram.index(Long.MAX_VALUE)).isEqualTo(LatencyHistogram.BUCKETS - 1);
    LatencyHistogram histogram = new LatencyHistogram();
    histogram.record(5_000_000);
    histogram.reset();
    assertThat(histogram.count()).isZero();
    assertThat(histogram.quantileMillis(0.5)).isNaN();
  }
}
