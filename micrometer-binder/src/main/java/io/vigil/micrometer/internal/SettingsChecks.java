package io.vigil.micrometer.internal;

import io.micrometer.core.instrument.config.validate.InvalidReason;
import io.micrometer.core.instrument.config.validate.Validated;
import io.vigil.detect.DetectorCatalog;
import io.vigil.detect.DetectorType;
import io.vigil.micrometer.VigilAnomalySettings;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The range checks of {@link VigilAnomalySettings}, run once by its constructor: each failure names
 * the {@code vigil.anomaly} key, the value and what was expected.
 */
public final class SettingsChecks {

  private static final String PREFIX = "vigil.anomaly.";

  private SettingsChecks() {}

  /** Checks every field at once. */
  public static Validated<?> check(
      Duration step,
      String detector,
      Map<String, String> detectorSettings,
      int maxSeries,
      Duration seriesExpiry,
      double percentile,
      String serviceTag,
      String serviceName) {
    return step(step)
        .and(detector(detector, detectorSettings))
        .and(
            check(
                "maxSeries",
                maxSeries,
                maxSeries >= 1 && maxSeries <= VigilAnomalySettings.MAX_SERIES_BOUND,
                "must be from 1 to " + VigilAnomalySettings.MAX_SERIES_BOUND))
        .and(
            check(
                "seriesExpiry",
                seriesExpiry,
                seriesExpiry.compareTo(step) >= 0,
                "must be at least one step (" + step + ")"))
        .and(
            check(
                "percentile",
                percentile,
                percentile > 0 && percentile < 1,
                "must be a fraction in (0, 1)"))
        .and(check("serviceTag", serviceTag, !serviceTag.isBlank(), "must be a tag key"))
        .and(check("serviceName", serviceName, !serviceName.isBlank(), "must be non-blank"));
  }

  private static Validated<?> step(Duration step) {
    return check(
        "step",
        step,
        step.compareTo(VigilAnomalySettings.MIN_STEP) >= 0
            && step.compareTo(VigilAnomalySettings.MAX_STEP) <= 0,
        "must be from 1s to 1d");
  }

  private static Validated<?> detector(String name, Map<String, String> settings) {
    Optional<DetectorType> type = DetectorCatalog.find(name);
    if (type.isEmpty()) {
      return Validated.invalid(
          PREFIX + "detector",
          name,
          "must name a detector of the catalog: "
              + DetectorCatalog.all().stream().map(DetectorType::name).toList(),
          InvalidReason.MALFORMED);
    }
    try {
      type.get().configure(settings);
      return Validated.valid(PREFIX + "detectorSettings", settings);
    } catch (IllegalArgumentException e) {
      return Validated.invalid(
          PREFIX + "detectorSettings", settings, e.getMessage(), InvalidReason.MALFORMED, e);
    }
  }

  private static Validated<?> check(String key, Object value, boolean valid, String expected) {
    return valid
        ? Validated.valid(PREFIX + key, value)
        : Validated.invalid(PREFIX + key, value, expected, InvalidReason.MALFORMED);
  }
}
