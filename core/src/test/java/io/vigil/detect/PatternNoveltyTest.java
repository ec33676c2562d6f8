package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PatternNoveltyTest {

  @Test
  void aRepeatedShapeIsNotNovelAndANewOneIs() {
    PatternNovelty novelty = new PatternNovelty(1, 4, 100, 0.0);
    double[] cycle = {0, 10, 0, 10};
    double last = PatternNovelty.NONE;
    for (int i = 0; i < 40; i++) {
      last = novelty.update(cycle[i % 4]);
    }
    assertThat(last).isZero();
    // 5 is halfway through the range: one block of four differs by half the range.
    assertThat(novelty.update(5)).isCloseTo(Math.sqrt(0.25 / 4), within(1e-12));
  }

  @Test
  void reportsOnlyWhenABlockCloses() {
    PatternNovelty novelty = new PatternNovelty(3, 2, 10, 0.0);
    int reports = 0;
    for (int i = 0; i < 30; i++) {
      if (novelty.update(i) != PatternNovelty.NONE) {
        reports++;
      }
    }
    // Ten blocks of three; the first block only fills the two-block pattern.
    assertThat(reports).isEqualTo(9);
  }
}
