package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DetectorTypeTest {

  @Test
  void aRangeErrorNamesTheDetectorTheSettingTheBoundAndTheValue() {
    assertThatThrownBy(() -> DetectorCatalog.get("ewma").configure(Map.of("floor", "-0.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("detector 'ewma': setting 'floor' must be a finite number >= 0.0 but was -0.5");
  }

  @Test
  void aParseErrorNamesTheDetectorTheSettingAndTheText() {
    assertThatThrownBy(() -> DetectorCatalog.get("zscore").configure(Map.of("window", "many")))
        .hasMessage("detector 'zscore': setting 'window' must be an integer but was 'many'");
  }

  @Test
  void anUnknownSettingNamesTheKnownOnes() {
    assertThatThrownBy(() -> DetectorCatalog.get("zscore").configure(Map.of("widow", "5")))
        .hasMessageStartingWith("detector 'zscore': no setting 'widow'; expected one of [")
        .hasMessageContaining("window");
  }

  @Test
  void settingsThatWouldAllocatePastTheBoundAreRejectedWithTheBound() {
    assertThatThrownBy(
            () -> DetectorCatalog.get("zscore").configure(Map.of("window", "2147483647")))
        .hasMessage(
            "detector 'zscore': setting 'window' must be an integer in [2, 1000000]"
                + " but was 2147483647");
    assertThatThrownBy(
            () ->
                DetectorCatalog.get("seasonal")
                    .configure(Map.of("bucket", "1ms", "history", "1000")))
        .hasMessageContaining("setting 'history' must be at most 10000000 values");
    assertThatThrownBy(
            () -> DetectorCatalog.get("seasonal").configure(Map.of("season", "99999999999999d")))
        .hasMessageContaining("setting 'season' must be a positive duration");
  }

  @Test
  void theSameRecordChecksSettingsGivenInCode() {
    assertThatThrownBy(() -> new EwmaDetector.Settings(0.05, 5, 10, -0.5, 0.25))
        .hasMessage("setting 'floor' must be a finite number >= 0.0 but was -0.5");
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
