package io.vigil.micrometer;

import io.micrometer.core.instrument.config.validate.Validated;
import io.micrometer.core.instrument.config.validate.ValidationException;
import io.vigil.detect.AnomalyDetector;
import io.vigil.detect.DetectorCatalog;
import io.vigil.micrometer.internal.SettingsChecks;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The settings of a {@link VigilAnomalyMeterRegistry}, typed and validated once: made by {@link
 * VigilAnomalyConfig#settings()} from {@code vigil.anomaly.*} properties, or by {@link #builder()}
 * (the Spring Boot adapter maps its properties onto the builder). The constructor checks every
 * field and throws one {@link ValidationException} naming each bad key, its value and the expected
 * range; nothing downstream checks again.
 *
 * @param step the step: one point per signal per step, from 1 second to 1 day ({@code 1m})
 * @param enabled whether to publish (detect) on a background thread every step ({@code true})
 * @param detector the {@link DetectorCatalog} entry each signal is fed to ({@code ewma})
 * @param detectorSettings overrides of the detector's documented settings (none)
 * @param maxSeries how many meters are held and watched at most, 1 to {@value #MAX_SERIES_BOUND}
 *     ({@code 10000})
 * @param seriesExpiry how long a series may stay idle before its detector state is dropped, at
 *     least one step ({@code 15m}, or one step when the step is longer)
 * @param percentile the percentile read from timers and summaries that publish it, in (0, 1)
 *     ({@code 0.99})
 * @param signals the signals fed to detectors ({@link #DEFAULT_SIGNALS})
 * @param serviceTag the tag naming the service of a meter ({@code service})
 * @param serviceName the service of meters without that tag, as given to a signal listener ({@code
 *     application})
 */
public record VigilAnomalySettings(
    Duration step,
    boolean enabled,
    String detector,
    Map<String, String> detectorSettings,
    int maxSeries,
    Duration seriesExpiry,
    double percentile,
    Set<Signal> signals,
    String serviceTag,
    String serviceName) {

  /** The most series a registry may hold: each costs about 1.2 KB at the defaults. */
  public static final int MAX_SERIES_BOUND = 1_000_000;

  /** The shortest step accepted. */
  public static final Duration MIN_STEP = Duration.ofSeconds(1);

  /** The longest step accepted. */
  public static final Duration MAX_STEP = Duration.ofDays(1);

  /** The signals watched by default: all but {@link Signal#MAX}. */
  public static final Set<Signal> DEFAULT_SIGNALS =
      Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.of(Signal.MAX)));

  private static final Duration DEFAULT_SERIES_EXPIRY = Duration.ofMinutes(15);

  /** Every setting at its documented default. */
  public static final VigilAnomalySettings DEFAULTS = builder().build();

  /**
   * Copies the collections and validates every field at once.
   *
   * @throws ValidationException naming each bad key, its value and what was expected
   */
  public VigilAnomalySettings {
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(detector, "detector");
    detectorSettings = Collections.unmodifiableMap(new LinkedHashMap<>(detectorSettings));
    Objects.requireNonNull(seriesExpiry, "seriesExpiry");
    signals =
        Collections.unmodifiableSet(
            signals.isEmpty() ? EnumSet.noneOf(Signal.class) : EnumSet.copyOf(signals));
    Objects.requireNonNull(serviceTag, "serviceTag");
    Objects.requireNonNull(serviceName, "serviceName");
    Validated<?> checked =
        SettingsChecks.check(
            step,
            detector,
            detectorSettings,
            maxSeries,
            seriesExpiry,
            percentile,
            serviceTag,
            serviceName);
    if (checked.isInvalid()) {
      throw new ValidationException(checked);
    }
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Makes one fresh detector per signal, of the configured type and settings. */
  public Supplier<AnomalyDetector> detectorFactory() {
    return DetectorCatalog.get(detector).configure(detectorSettings);
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /** Builds {@link VigilAnomalySettings}; every setter starts at the documented default. */
  public static final class Builder {

    private Duration step = Duration.ofMinutes(1);
    private boolean enabled = true;
    private String detector = "ewma";
    private Map<String, String> detectorSettings = Map.of();
    private int maxSeries = 10_000;
    private @Nullable Duration seriesExpiry;
    private double percentile = 0.99;
    private Set<Signal> signals = DEFAULT_SIGNALS;
    private String serviceTag = "service";
    private String serviceName = "application";

    private Builder() {}

    private Builder(VigilAnomalySettings from) {
      step = from.step;
      enabled = from.enabled;
      detector = from.detector;
      detectorSettings = from.detectorSettings;
      maxSeries = from.maxSeries;
      seriesExpiry = from.seriesExpiry;
      percentile = from.percentile;
      signals = from.signals;
      serviceTag = from.serviceTag;
      serviceName = from.serviceName;
    }

    /** The step ({@code 1m}). */
    public Builder step(Duration step) {
      this.step = Objects.requireNonNull(step, "step");
      return this;
    }

    /** Whether to publish on a background thread ({@code true}). */
    public Builder enabled(boolean enabled) {
      this.enabled = enabled;
      return this;
    }

    /** The catalog's detector name ({@code ewma}). */
    public Builder detector(String detector) {
      this.detector = Objects.requireNonNull(detector, "detector");
      return this;
    }

    /** The detector's settings overrides (none). */
    public Builder detectorSettings(Map<String, String> detectorSettings) {
      this.detectorSettings = Objects.requireNonNull(detectorSettings, "detectorSettings");
      return this;
    }

    /** The series cap ({@code 10000}). */
    public Builder maxSeries(int maxSeries) {
      this.maxSeries = maxSeries;
      return this;
    }

    /** The idle expiry ({@code 15m}, or one step when the step is longer). */
    public Builder seriesExpiry(Duration seriesExpiry) {
      this.seriesExpiry = Objects.requireNonNull(seriesExpiry, "seriesExpiry");
      return this;
    }

    /** The percentile read from meters that publish it ({@code 0.99}). */
    public Builder percentile(double percentile) {
      this.percentile = percentile;
      return this;
    }

    /** The signals fed to detectors ({@link #DEFAULT_SIGNALS}). */
    public Builder signals(Set<Signal> signals) {
      this.signals = Objects.requireNonNull(signals, "signals");
      return this;
    }

    /** The tag naming a meter's service ({@code service}). */
    public Builder serviceTag(String serviceTag) {
      this.serviceTag = Objects.requireNonNull(serviceTag, "serviceTag");
      return this;
    }

    /** The service of meters without the service tag ({@code application}). */
    public Builder serviceName(String serviceName) {
      this.serviceName = Objects.requireNonNull(serviceName, "serviceName");
      return this;
    }

    /**
     * Validates and builds the settings.
     *
     * @throws ValidationException naming each bad key, its value and what was expected
     */
    public VigilAnomalySettings build() {
      return new VigilAnomalySettings(
          step,
          enabled,
          detector,
          detectorSettings,
          maxSeries,
          seriesExpiry != null ? seriesExpiry : max(DEFAULT_SERIES_EXPIRY, step),
          percentile,
          signals,
          serviceTag,
          serviceName);
    }
  }
}
