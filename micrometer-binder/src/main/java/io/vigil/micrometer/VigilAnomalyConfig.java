package io.vigil.micrometer;

import static io.micrometer.core.instrument.config.MeterRegistryConfigValidator.check;
import static io.micrometer.core.instrument.config.MeterRegistryConfigValidator.checkAll;
import static io.micrometer.core.instrument.config.MeterRegistryConfigValidator.checkRequired;
import static io.micrometer.core.instrument.config.validate.PropertyValidator.getDuration;
import static io.micrometer.core.instrument.config.validate.PropertyValidator.getInteger;
import static io.micrometer.core.instrument.config.validate.PropertyValidator.getString;

import io.micrometer.core.instrument.config.validate.InvalidReason;
import io.micrometer.core.instrument.config.validate.Validated;
import io.micrometer.core.instrument.config.validate.ValidationException;
import io.micrometer.core.instrument.step.StepRegistryConfig;
import io.vigil.detect.AnomalyDetector;
import io.vigil.detect.DetectorCatalog;
import io.vigil.detect.DetectorType;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Configuration of {@link VigilAnomalyMeterRegistry}, read from properties under the prefix {@code
 * vigil.anomaly} in Micrometer's style: every key has a typed default, and {@link #validate()}
 * names each bad value.
 */
public interface VigilAnomalyConfig extends StepRegistryConfig {

  /** Every key at its default: detection with the catalog's {@code ewma} detector. */
  VigilAnomalyConfig DEFAULT = k -> null;

  /** The signals watched unless {@code signals} says otherwise: all but {@link Signal#MAX}. */
  Set<Signal> DEFAULT_SIGNALS =
      Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(Signal.MAX)));

  @Override
  default String prefix() {
    return "vigil.anomaly";
  }

  /**
   * The {@link DetectorCatalog} entry each signal is fed to ({@code ewma}: a few doubles per signal
   * and a warm-up of ten steps; the catalog's NAB-tuned {@code default} needs about 130 KB and 150
   * steps).
   */
  default String detector() {
    return getString(this, "detector").orElse("ewma");
  }

  /**
   * Overrides of the detector's settings, written {@code window=60,threshold=4} (none: the
   * catalog's defaults).
   */
  default Map<String, String> detectorSettings() {
    String text = getString(this, "detectorSettings").orElse(null);
    return text == null ? Map.of() : parseSettings(text);
  }

  /**
   * How many meters the registry holds and watches at most (10,000); further meters are refused and
   * counted in {@code vigil.anomaly.series.dropped}.
   */
  default int maxSeries() {
    return getInteger(this, "maxSeries")
        .invalidateWhen(n -> n != null && n < 1, "must be at least 1", InvalidReason.MALFORMED)
        .orElse(10_000);
  }

  /**
   * How long a series may stay idle (no count, no finite value) before it is removed with its
   * detector state (15 minutes).
   */
  default Duration seriesExpiry() {
    return getDuration(this, "seriesExpiry")
        .invalidateWhen(
            d -> d != null && d.compareTo(step()) < 0,
            "must be at least one step",
            InvalidReason.MALFORMED)
        .orElse(Duration.ofMinutes(15));
  }

  /**
   * The percentile read from timers and summaries that publish it, as a fraction in (0, 1) (0.99).
   */
  default double percentile() {
    String key = prefix() + ".percentile";
    String text = getString(this, "percentile").orElse(null);
    if (text == null) {
      return 0.99;
    }
    double value;
    try {
      value = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      value = Double.NaN;
    }
    if (!(value > 0 && value < 1)) {
      throw new ValidationException(
          Validated.invalid(key, text, "must be a fraction in (0, 1)", InvalidReason.MALFORMED));
    }
    return value;
  }

  /**
   * The signals fed to detectors, as a comma-separated list of {@link Signal#tagValue()}s ({@code
   * rate,mean,percentile,value,error.ratio}). {@code max} is left out by default: the maximum of a
   * step is extreme-value distributed, and a z-score over it raises false alarms on steady load.
   */
  default Set<Signal> signals() {
    String text = getString(this, "signals").orElse(null);
    if (text == null) {
      return DEFAULT_SIGNALS;
    }
    Set<Signal> signals = EnumSet.noneOf(Signal.class);
    for (String name : text.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      Signal signal = Signal.fromTagValue(name.trim());
      if (signal == null) {
        throw new ValidationException(
            Validated.invalid(
                prefix() + ".signals",
                text,
                "must list signals among "
                    + Signal.tagValues()
                    + " but '"
                    + name.trim()
                    + "' is none",
                InvalidReason.MALFORMED));
      }
      signals.add(signal);
    }
    return Collections.unmodifiableSet(signals);
  }

  /** The tag naming the service whose error ratio is watched ({@code service}). */
  default String serviceTag() {
    return getString(this, "serviceTag").orElse("service");
  }

  /** Validates every key, naming each bad value and what was expected. */
  @Override
  default Validated<?> validate() {
    return checkAll(
        this,
        c -> StepRegistryConfig.validate(c),
        checkRequired("detector", VigilAnomalyConfig::detector),
        VigilAnomalyConfig::validateDetector,
        check("maxSeries", VigilAnomalyConfig::maxSeries),
        check("seriesExpiry", VigilAnomalyConfig::seriesExpiry),
        check("percentile", VigilAnomalyConfig::percentile),
        check("signals", VigilAnomalyConfig::signals),
        checkRequired("serviceTag", VigilAnomalyConfig::serviceTag));
  }

  /**
   * The detector and its settings, checked against the catalog, as a supplier of one fresh detector
   * per signal.
   */
  default Supplier<AnomalyDetector> detectorSupplier() {
    DetectorType type = DetectorCatalog.get(detector());
    return type.configure(detectorSettings());
  }

  private static Validated<?> validateDetector(VigilAnomalyConfig config) {
    String nameKey = config.prefix() + ".detector";
    String name = config.detector();
    if (DetectorCatalog.find(name).isEmpty()) {
      return Validated.invalid(
          nameKey,
          name,
          "must name a detector of the catalog: "
              + DetectorCatalog.all().stream().map(DetectorType::name).toList(),
          InvalidReason.MALFORMED);
    }
    String settingsKey = config.prefix() + ".detectorSettings";
    try {
      return Validated.valid(settingsKey, config.detectorSupplier());
    } catch (IllegalArgumentException e) {
      return Validated.invalid(
          settingsKey, config.get(settingsKey), e.getMessage(), InvalidReason.MALFORMED, e);
    }
  }

  private static Map<String, String> parseSettings(String text) {
    Map<String, String> settings = new LinkedHashMap<>();
    for (String pair : text.split(",")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException(
            "detector setting '" + pair.trim() + "' must be written key=value");
      }
      settings.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
    }
    return settings;
  }
}
