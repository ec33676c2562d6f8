package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SortedWindowTest {

  @Test
  void quantilesMatchSortingTheLastValues() {
    SortedWindow window = new SortedWindow(50);
    Deque<Double> reference = new ArrayDeque<>();
    Random random = new Random(1);
    for (int i = 0; i < 2_000; i++) {
      // Repeated values exercise eviction among equal entries.
      double value = random.nextInt(20);
      window.add(value);
      reference.addLast(value);
      if (reference.size() > 50) {
        reference.removeFirst();
      }
      double[] sorted = reference.stream().mapToDouble(Double::doubleValue).toArray();
      Arrays.sort(sorted);
      assertThat(window.quantile(0)).isEqualTo(sorted[0]);
      assertThat(window.quantile(1)).isEqualTo(sorted[sorted.length - 1]);
      double pos = 0.25 * (sorted.length - 1);
      int lo = (int) pos;
      double expected =
          sorted[lo] + (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]) * (pos - lo);
      assertThat(window.quantile(0.25)).isCloseTo(expected, within(1e-12));
      assertThat(window.last()).isEqualTo(value);
    }
  }
}
