package io.vigil.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.micrometer.Signal;
import io.vigil.micrometer.VigilAnomalyConfig;
import io.vigil.micrometer.VigilMeterFilters;
import io.vigil.spring.internal.AnomalyPropertiesConfigAdapter;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VigilAnomalyPropertiesTest {

  private final VigilAnomalyProperties properties = new VigilAnomalyProperties();
  private final VigilAnomalyConfig library = VigilAnomalyConfig.DEFAULT;

  @Test
  void propertyDefaultsAreTheLibrarysDefaults() {
    assertThat(properties.getStep()).isEqualTo(library.step());
    assertThat(properties.getDetector()).isEqualTo(library.detector());
    assertThat(properties.getDetectorSettings()).isEqualTo(library.detectorSettings());
    assertThat(properties.getMaxSeries()).isEqualTo(library.maxSeries());
    assertThat(properties.getSeriesExpiry()).as("unset: the library's").isNull();
    assertThat(properties.getPercentile()).isEqualTo(library.percentile());
    assertThat(properties.getSignals())
        .containsExactlyInAnyOrderElementsOf(
            library.signals().stream().map(Signal::tagValue).toList());
    assertThat(properties.getServiceTag()).isEqualTo(library.serviceTag());
    assertThat(properties.getWatch()).isEqualTo(VigilMeterFilters.DEFAULT_NAMES);
  }

  @Test
  void adapterOnDefaultPropertiesReadsAsTheLibrarysDefaults() {
    VigilAnomalyConfig adapted = new AnomalyPropertiesConfigAdapter(properties);
    assertThat(adapted.validate().isValid()).isTrue();
    assertThat(adapted.step()).isEqualTo(library.step());
    assertThat(adapted.detector()).isEqualTo(library.detector());
    assertThat(adapted.detectorSettings()).isEqualTo(library.detectorSettings());
    assertThat(adapted.maxSeries()).isEqualTo(library.maxSeries());
    assertThat(adapted.seriesExpiry()).isEqualTo(library.seriesExpiry());
    assertThat(adapted.percentile()).isEqualTo(library.percentile());
    assertThat(adapted.signals()).isEqualTo(library.signals());
    assertThat(adapted.serviceTag()).isEqualTo(library.serviceTag());
  }

  @Test
  void adapterHandsEveryBoundValueOver() {
    properties.setStep(Duration.ofSeconds(5));
    properties.setDetector("zscore");
    properties.setDetectorSettings(Map.of("window", "30"));
    properties.setMaxSeries(7);
    properties.setSeriesExpiry(Duration.ofMinutes(2));
    properties.setPercentile(0.95);
    properties.setSignals(java.util.List.of("rate", "max"));
    properties.setServiceTag("app");
    VigilAnomalyConfig adapted = new AnomalyPropertiesConfigAdapter(properties);
    assertThat(adapted.step()).isEqualTo(Duration.ofSeconds(5));
    assertThat(adapted.detector()).isEqualTo("zscore");
    assertThat(adapted.detectorSettings()).containsExactly(Map.entry("window", "30"));
    assertThat(adapted.maxSeries()).isEqualTo(7);
    assertThat(adapted.seriesExpiry()).isEqualTo(Duration.ofMinutes(2));
    assertThat(adapted.percentile()).isEqualTo(0.95);
    assertThat(adapted.signals().stream().map(Signal::tagValue).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("rate", "max");
    assertThat(adapted.serviceTag()).isEqualTo("app");
  }

  @Test
  void unsetSeriesExpiryFollowsALongStepAsTheLibrarysDoes() {
    properties.setStep(Duration.ofHours(1));
    assertThat(new AnomalyPropertiesConfigAdapter(properties).seriesExpiry()).hasHours(1);
  }

  @Test
  void unsetPropertiesFallBackToTheLibrary() {
    properties.setStep(null);
    properties.setDetector(null);
    properties.setSignals(null);
    VigilAnomalyConfig adapted = new AnomalyPropertiesConfigAdapter(properties);
    assertThat(adapted.step()).isEqualTo(library.step());
    assertThat(adapted.detector()).isEqualTo(library.detector());
    assertThat(adapted.signals()).isEqualTo(library.signals());
  }
}
