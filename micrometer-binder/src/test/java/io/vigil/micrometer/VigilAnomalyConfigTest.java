package io.vigil.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.config.validate.ValidationException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The properties path: every key read once into settings, every bad value named. */
class VigilAnomalyConfigTest {

  private static VigilAnomalyConfig config(Map<String, String> values) {
    return values::get;
  }

  @Test
  void defaultsAreTheSettingsDefaults() {
    assertThat(VigilAnomalyConfig.DEFAULT.prefix()).isEqualTo("vigil.anomaly");
    assertThat(VigilAnomalyConfig.DEFAULT.settings()).isEqualTo(VigilAnomalySettings.DEFAULTS);
    assertThat(VigilAnomalyConfig.DEFAULT.validate().isValid()).isTrue();
  }

  @Test
  void readsEveryKeyUnderThePrefix() {
    VigilAnomalySettings settings =
        config(
                Map.ofEntries(
                    Map.entry("vigil.anomaly.step", "10s"),
                    Map.entry("vigil.anomaly.enabled", "false"),
                    Map.entry("vigil.anomaly.detector", "zscore"),
                    Map.entry("vigil.anomaly.detectorSettings", "window=60, threshold=4"),
                    Map.entry("vigil.anomaly.maxSeries", "500"),
                    Map.entry("vigil.anomaly.seriesExpiry", "5m"),
                    Map.entry("vigil.anomaly.percentile", "0.95"),
                    Map.entry("vigil.anomaly.serviceTag", "application"),
                    Map.entry("vigil.anomaly.serviceName", "checkout"),
                    Map.entry("vigil.anomaly.signals", "rate,max")))
            .settings();

    assertThat(settings)
        .isEqualTo(
            VigilAnomalySettings.builder()
                .step(Duration.ofSeconds(10))
                .enabled(false)
                .detector("zscore")
                .detectorSettings(Map.of("window", "60", "threshold", "4"))
                .maxSeries(500)
                .seriesExpiry(Duration.ofMinutes(5))
                .percentile(0.95)
                .serviceTag("application")
                .serviceName("checkout")
                .signals(java.util.EnumSet.of(Signal.RATE, Signal.MAX))
                .build());
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
  void aDetectorWindowPastTheCatalogsBoundIsRefusedNotAllocated() {
    VigilAnomalyConfig config =
        config(
            Map.of(
                "vigil.anomaly.detector", "zscore",
                "vigil.anomaly.detectorSettings", "window=2147483647"));

    assertThatThrownBy(config::settings)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("vigil.anomaly.detectorSettings")
        .hasMessageContaining("2147483647");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "window",
        "window=60,threshold",
        "=3",
        "window=",
        "window=60,window=70",
      })
  void detectorSettingsMicrometerWouldSkipAreRefused(String text) {
    assertThatThrownBy(() -> config(Map.of("vigil.anomaly.detectorSettings", text)).settings())
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("vigil.anomaly.detectorSettings")
        .hasMessageContaining(text)
        .hasMessageContaining("key=value");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "step|0s|must be from 1s to 1d",
        "step|-5s|must be a valid duration",
        "step|soon|must be a valid duration",
        "step|1ms|must be from 1s",
        "enabled|yes|must be true or false",
        "maxSeries|0|must be from 1 to 1000000",
        "maxSeries|2147483647|must be from 1 to 1000000",
        "maxSeries|lots|must be an integer",
        "percentile|1.5|must be a fraction in (0, 1)",
        "percentile|NaN|must be a decimal fraction",
        "percentile|0x1p-1|must be a decimal fraction",
        "percentile|0.9d|must be a decimal fraction",
        "seriesExpiry|10s|must be at least one step",
        "signals|rate,latency|is none",
        "serviceTag|' '|must be a tag key",
        "serviceName|' '|must be non-blank",
      })
  void eachBadValueIsAValidationExceptionNamingKeyValueAndExpectation(
      String key, String value, String expected) {
    VigilAnomalyConfig config = config(Map.of("vigil.anomaly." + key, value));

    assertThat(config.validate().isInvalid()).isTrue();
    assertThatThrownBy(config::settings)
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("vigil.anomaly." + key)
        .hasMessageContaining(value.trim().isEmpty() ? "was" : value)
        .hasMessageContaining(expected);
    assertThatThrownBy(() -> new VigilAnomalyMeterRegistry(config, new MockClock()))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("vigil.anomaly." + key);
  }

  @Test
  void everyBadValueIsReportedAtOnce() {
    VigilAnomalyConfig config =
        config(
            Map.of(
                "vigil.anomaly.maxSeries", "0",
                "vigil.anomaly.percentile", "1.5",
                "vigil.anomaly.signals", "rate,latency",
                "vigil.anomaly.step", "bad",
                "vigil.anomaly.seriesExpiry", "10s"));

    assertThat(config.validate().failures())
        .extracting(f -> f.getProperty())
        .containsExactlyInAnyOrder(
            "vigil.anomaly.maxSeries",
            "vigil.anomaly.percentile",
            "vigil.anomaly.signals",
            "vigil.anomaly.step",
            "vigil.anomaly.seriesExpiry");
  }
}
