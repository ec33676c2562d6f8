package io.vigil.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.config.validate.ValidationException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The typed settings the Spring adapter maps onto: defaults, construction, validation. */
class VigilAnomalySettingsTest {

  @Test
  void defaultsAreTheDocumentedOnes() {
    VigilAnomalySettings defaults = VigilAnomalySettings.DEFAULTS;

    assertThat(defaults.step()).isEqualTo(Duration.ofMinutes(1));
    assertThat(defaults.enabled()).isTrue();
    assertThat(defaults.detector()).isEqualTo("ewma");
    assertThat(defaults.detectorSettings()).isEmpty();
    assertThat(defaults.maxSeries()).isEqualTo(10_000);
    assertThat(defaults.seriesExpiry()).isEqualTo(Duration.ofMinutes(15));
    assertThat(defaults.percentile()).isEqualTo(0.99);
    assertThat(defaults.signals())
        .containsExactlyInAnyOrder(
            Signal.RATE, Signal.MEAN, Signal.PERCENTILE, Signal.VALUE, Signal.ERROR_RATIO);
    assertThat(defaults.serviceTag()).isEqualTo("service");
    assertThat(defaults.serviceName()).isEqualTo("application");
    assertThat(VigilAnomalySettings.builder().build()).isEqualTo(defaults);
  }

  @Test
  void theDefaultExpiryIsAtLeastOneStep() {
    assertThat(VigilAnomalySettings.builder().step(Duration.ofHours(1)).build().seriesExpiry())
        .isEqualTo(Duration.ofHours(1));
  }

  @Test
  void toBuilderChangesOnlyWhatIsSet() {
    VigilAnomalySettings changed = VigilAnomalySettings.DEFAULTS.toBuilder().maxSeries(50).build();

    assertThat(changed.maxSeries()).isEqualTo(50);
    assertThat(changed.toBuilder().maxSeries(10_000).build())
        .isEqualTo(VigilAnomalySettings.DEFAULTS);
  }

  @Test
  void collectionsAreCopied() {
    Map<String, String> detectorSettings = new HashMap<>(Map.of("threshold", "4"));
    Set<Signal> signals = EnumSet.of(Signal.RATE);
    VigilAnomalySettings settings =
        VigilAnomalySettings.builder().detectorSettings(detectorSettings).signals(signals).build();
    detectorSettings.put("floor", "0.5");
    signals.add(Signal.MAX);

    assertThat(settings.detectorSettings()).containsOnlyKeys("threshold");
    assertThat(settings.signals()).containsExactly(Signal.RATE);
    assertThatThrownBy(() -> settings.signals().add(Signal.MEAN))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void theBuilderPathNamesKeyValueAndBoundToo() {
    assertThatThrownBy(() -> VigilAnomalySettings.builder().step(Duration.ZERO).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("vigil.anomaly.step")
        .hasMessageContaining("PT0S")
        .hasMessageContaining("from 1s to 1d");
    assertThatThrownBy(() -> VigilAnomalySettings.builder().maxSeries(5_000_000).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("vigil.anomaly.maxSeries")
        .hasMessageContaining("5000000")
        .hasMessageContaining(Integer.toString(VigilAnomalySettings.MAX_SERIES_BOUND));
    assertThatThrownBy(() -> VigilAnomalySettings.builder().percentile(Double.NaN).build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("vigil.anomaly.percentile")
        .hasMessageContaining("NaN");
    assertThatThrownBy(
            () ->
                VigilAnomalySettings.builder()
                    .step(Duration.ofMinutes(10))
                    .seriesExpiry(Duration.ofMinutes(5))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("vigil.anomaly.seriesExpiry")
        .hasMessageContaining("at least one step (PT10M)");
  }

  @Test
  void theDetectorAndItsSettingsAreCheckedAgainstTheCatalog() {
    assertThatThrownBy(() -> VigilAnomalySettings.builder().detector("magic").build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("vigil.anomaly.detector")
        .hasMessageContaining("magic")
        .hasMessageContaining("ewma");
    assertThatThrownBy(
            () ->
                VigilAnomalySettings.builder()
                    .detector("zscore")
                    .detectorSettings(Map.of("window", "1"))
                    .build())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("vigil.anomaly.detectorSettings")
        .hasMessageContaining("window");
  }

  @Test
  void theDetectorFactoryMakesFreshDetectors() {
    var factory = VigilAnomalySettings.DEFAULTS.detectorFactory();

    assertThat(factory.get()).isNotSameAs(factory.get());
  }
}
