package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DefaultDetectorTest {

  @Test
  void isTheFirstCatalogEntryAndBuildsWithoutSettings() {
    assertThat(DetectorCatalog.all().get(0).name()).isEqualTo("default");
    assertThat(DetectorCatalog.get("default").configure(Map.of()).get())
        .isInstanceOf(DefaultDetector.class);
  }

  @Test
  void flagsASpikeInNoiseOnce() {
    DefaultDetector detector = new DefaultDetector();
    Random random = new Random(1);
    int alarms = 0;
    for (int i = 0; i < 2_000; i++) {
      double value = 100 + random.nextGaussian() + (i >= 1_500 && i < 1_510 ? 50 : 0);
      Verdict verdict = detector.update(i * 60_000L, value);
      if (verdict.anomaly()) {
        assertThat(i).isBetween(1_500, 1_509);
        alarms++;
      }
    }
    assertThat(alarms).isEqualTo(1);
  }
}
