package io.vigil.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.config.validate.ValidationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The config's keys, defaults and validation messages. */
class VigilAnomalyConfigTest {

  private static VigilAnomalyConfig config(Map<String, String> values) {
    return values::get;
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    VigilAnomalyConfig config = VigilAnomalyConfig.DEFAULT;

    assertThat(config.prefix()).isEqualTo("vigil.anomaly");
    assertThat(config.step()).isEqualTo(Duration.ofMinutes(1));
    assertThat(config.detector()).isEqualTo("ewma");
    assertThat(config.detectorSettings()).isEmpty();
    assertThat(config.maxSeries()).isEqualTo(10_000);
    assertThat(config.seriesExpiry()).isEqualTo(Duration.ofMinutes(15));
    assertThat(config.percentile()).isEqualTo(0.99);
    assertThat(config.serviceTag()).isEqualTo("service");
    assertThat(config.signals())
        .containsExactlyInAnyOrder(
            Signal.RATE, Signal.MEAN, Signal.PERCENTILE, Signal.VALUE, Signal.ERROR_RATIO);
    assertThat(config.validate().isValid()).isTrue();
  }

  @Test
  void readsEveryKeyUnderThePrefix() {
    VigilAnomalyConfig config =
        config(
            Map.of(
                "vigil.anomaly.step", "10s",
                "vigil.anomaly.detector", "zscore",
                "vigil.anomaly.detectorSettings", "window=60, threshold=4",
                "vigil.anomaly.maxSeries", "500",
                "vigil.anomaly.seriesExpiry", "5m",
                "vigil.anomaly.percentile", "0.95",
                "vigil.anomaly.serviceTag", "application",
                "vigil.anomaly.signals", "rate,max"));

    assertThat(config.validate().isValid()).isTrue();
    assertThat(config.detectorSettings())
        .containsExactly(Map.entry("window", "60"), Map.entry("threshold", "4"));
    assertThat(config.maxSeries()).isEqualTo(500);
    assertThat(config.seriesExpiry()).isEqualTo(Duration.ofMinutes(5));
    assertThat(config.percentile()).isEqualTo(0.95);
    assertThat(config.serviceTag()).isEqualTo("application");
    assertThat(config.signals()).containsExactlyInAnyOrder(Signal.RATE, Signal.MAX);
  }

  @Test
  void anUnknownDetectorIsNamedWithTheKnownOnes() {
    assertThatThrownBy(() -> config(Map.of("vigil.anomaly.detector", "magic")).requireValid())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("vigil.anomaly.detector")
        .hasMessageContaining("magic")
        .hasMessageContaining("zscore");
  }

  @Test
  void badDetectorSettingsAreNamed() {
    VigilAnomalyConfig config =
        config(
            Map.of(
                "vigil.anomaly.detector", "zscore",
                "vigil.anomaly.detectorSettings", "window=1"));

    assertThatThrownBy(config::requireValid)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("vigil.anomaly.detectorSettings")
        .hasMessageContaining("window");
  }

  @Test
  void everyBadValueIsReportedAtOnce() {
    VigilAnomalyConfig config =
        config(
            Map.of(
                "vigil.anomaly.maxSeries", "0",
                "vigil.anomaly.percentile", "1.5",
                "vigil.anomaly.signals", "rate,latency",
                "vigil.anomaly.seriesExpiry", "10s"));

    assertThat(config.validate().failures())
        .extracting(f -> f.getProperty())
        .containsExactlyInAnyOrder(
            "vigil.anomaly.maxSeries",
            "vigil.anomaly.percentile",
            "vigil.anomaly.signals",
            "vigil.anomaly.seriesExpiry");
    assertThatThrownBy(config::requireValid)
        .hasMessageContaining("latency")
        .hasMessageContaining("1.5")
        .hasMessageContaining("at least one step");
  }

  @Test
  void aNonNumericMaxSeriesIsNamed() {
    assertThatThrownBy(() -> config(Map.of("vigil.anomaly.maxSeries", "lots")).requireValid())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("vigil.anomaly.maxSeries")
        .hasMessageContaining("lots");
  }
}
