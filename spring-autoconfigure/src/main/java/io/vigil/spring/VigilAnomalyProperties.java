package io.vigil.spring;

import io.vigil.micrometer.VigilMeterFilters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of Vigil's anomaly-detecting meter registry, under {@code vigil.anomaly}; each default
 * is the library's own.
 */
@ConfigurationProperties("vigil.anomaly")
public class VigilAnomalyProperties {

  /** Whether to add the anomaly-detecting registry to the application's meter registries. */
  private boolean enabled = true;

  /** How often every watched meter is read and its signals fed to their detectors. */
  private Duration step = Duration.ofMinutes(1);

  /**
   * The detector of Vigil's catalog each signal is fed to, such as lean, ewma, zscore or default.
   */
  private String detector = "ewma";

  /** Overrides of the detector's settings, such as window=60 or threshold=4. */
  private Map<String, String> detectorSettings = new LinkedHashMap<>();

  /**
   * Name globs of the meters watched ({@code *} matches any run of characters): by default HTTP
   * server requests, JVM garbage collection and memory, and connection pools.
   */
  private List<String> watch = new ArrayList<>(VigilMeterFilters.DEFAULT_NAMES);

  /** How many meters are held and watched at most; further meters are refused and counted. */
  private int maxSeries = 10_000;

  /**
   * How long a series may stay idle before it is removed with its detector state; unset, 15 minutes
   * or one step, whichever is longer.
   */
  private @Nullable Duration seriesExpiry;

  /** The percentile read from timers and summaries that publish it, a fraction in (0, 1). */
  private double percentile = 0.99;

  /** The signals fed to detectors: rate, mean, max, percentile, value, error.ratio. */
  private List<String> signals =
      new ArrayList<>(List.of("rate", "mean", "percentile", "value", "error.ratio"));

  /** The tag naming the service whose error ratio is watched. */
  private String serviceTag = "service";

  /** Returns whether the registry is added. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether the registry is added. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Returns the step. */
  public Duration getStep() {
    return step;
  }

  /** Sets the step. */
  public void setStep(Duration step) {
    this.step = step;
  }

  /** Returns the detector's catalog name. */
  public String getDetector() {
    return detector;
  }

  /** Sets the detector's catalog name. */
  public void setDetector(String detector) {
    this.detector = detector;
  }

  /** Returns the detector's setting overrides. */
  public Map<String, String> getDetectorSettings() {
    return detectorSettings;
  }

  /** Sets the detector's setting overrides. */
  public void setDetectorSettings(Map<String, String> detectorSettings) {
    this.detectorSettings = detectorSettings;
  }

  /** Returns the name globs of the watched meters. */
  public List<String> getWatch() {
    return watch;
  }

  /** Sets the name globs of the watched meters. */
  public void setWatch(List<String> watch) {
    this.watch = watch;
  }

  /** Returns the series cap. */
  public int getMaxSeries() {
    return maxSeries;
  }

  /** Sets the series cap. */
  public void setMaxSeries(int maxSeries) {
    this.maxSeries = maxSeries;
  }

  /** Returns the idle time after which a series expires, or null for the library's. */
  public @Nullable Duration getSeriesExpiry() {
    return seriesExpiry;
  }

  /** Sets the idle time after which a series expires. */
  public void setSeriesExpiry(@Nullable Duration seriesExpiry) {
    this.seriesExpiry = seriesExpiry;
  }

  /** Returns the percentile read. */
  public double getPercentile() {
    return percentile;
  }

  /** Sets the percentile read. */
  public void setPercentile(double percentile) {
    this.percentile = percentile;
  }

  /** Returns the signals fed to detectors. */
  public List<String> getSignals() {
    return signals;
  }

  /** Sets the signals fed to detectors. */
  public void setSignals(List<String> signals) {
    this.signals = signals;
  }

  /** Returns the service tag. */
  public String getServiceTag() {
    return serviceTag;
  }

  /** Sets the service tag. */
  public void setServiceTag(String serviceTag) {
    this.serviceTag = serviceTag;
  }
}
