package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectorTypeTest {

  @Test
  void aConstructorsRangeCheckNamesTheDetectorAndItsSettings() {
    assertThatThrownBy(() -> DetectorCatalog.get("ewma").configure(Map.of("floor", "-0.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("detector 'ewma' {")
        .hasMessageContaining("floor=-0.5")
        .hasMessageContaining("floor must be a number >= 0 but was -0.5");
  }

  @Test
  void aSettingsErrorIsPassedOnAsItIs() {
    assertThatThrownBy(() -> DetectorCatalog.get("zscore").configure(Map.of("window", "many")))
        .hasMessage("detector 'zscore': setting 'window' must be an integer >= 2 but was 'many'");
  }

  @Test
  void eachCallOfTheSupplierGivesAFreshDetector() {
    var supplier = DetectorCatalog.get("zscore").configure(Map.of("window", "20"));
    AnomalyDetector first = supplier.get();
    first.update(1, 1.0);
    assertThat(supplier.get()).isNotSameAs(first);
    assertThat(supplier.get().counts().accepted()).isZero();
  }
}
