package io.vigil.micrometer;

import static io.micrometer.core.instrument.config.validate.PropertyValidator.getDuration;
import static io.micrometer.core.instrument.config.validate.PropertyValidator.getInteger;
import static io.micrometer.core.instrument.config.validate.PropertyValidator.getString;

import io.micrometer.core.instrument.config.validate.Validated;
import io.micrometer.core.instrument.config.validate.ValidationException;
import io.micrometer.core.instrument.step.StepRegistryConfig;
import io.vigil.micrometer.internal.PropertyReaders;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Configuration of {@link VigilAnomalyMeterRegistry} from properties under the prefix {@code
 * vigil.anomaly}, in Micrometer's style: {@code DEFAULT = k -> null}, Micrometer's {@code
 * PropertyValidator} to read each key, and {@link #validate()} naming each bad value.
 *
 * <p>The keys are the components of {@link VigilAnomalySettings}, which {@link #settings()} reads
 * once and which hold the defaults: {@code step}, {@code enabled}, {@code detector}, {@code
 * detectorSettings} ({@code window=60,threshold=4}), {@code maxSeries}, {@code seriesExpiry},
 * {@code percentile}, {@code signals} ({@code rate,mean}), {@code serviceTag} and {@code
 * serviceName}. Each typed getter reads them all through {@link #settings()}, so every getter
 * throws the same {@link ValidationException} for any bad key. The other keys {@link
 * StepRegistryConfig} knows are not used.
 */
public interface VigilAnomalyConfig extends StepRegistryConfig {

  /** Every key at its default. */
  VigilAnomalyConfig DEFAULT = k -> null;

  @Override
  default String prefix() {
    return "vigil.anomaly";
  }

  /**
   * Reads every key into settings, at once.
   *
   * @throws ValidationException naming each bad key, its value and what was expected
   */
  default VigilAnomalySettings settings() {
    VigilAnomalySettings.Builder builder = VigilAnomalySettings.builder();
    Validated<?> read =
        read(getDuration(this, "step"), builder::step)
            .and(read(PropertyReaders.strictBoolean(this, "enabled"), builder::enabled))
            .and(read(getString(this, "detector"), builder::detector))
            .and(
                read(
                    PropertyReaders.keyValues(this, "detectorSettings"), builder::detectorSettings))
            .and(read(getInteger(this, "maxSeries"), builder::maxSeries))
            .and(read(getDuration(this, "seriesExpiry"), builder::seriesExpiry))
            .and(read(PropertyReaders.fraction(this, "percentile"), builder::percentile))
            .and(read(PropertyReaders.signalList(this, "signals"), builder::signals))
            .and(read(getString(this, "serviceTag"), builder::serviceTag))
            .and(read(getString(this, "serviceName"), builder::serviceName));
    VigilAnomalySettings settings;
    try {
      settings = builder.build();
    } catch (ValidationException e) {
      Validated<?> all = read;
      for (Validated.Invalid<?> failure : e.getValidation().failures()) {
        @Nullable String text = get(failure.getProperty()); // the value as the user wrote it
        all =
            all.and(
                Validated.invalid(
                    failure.getProperty(),
                    text != null ? text : failure.getValue(),
                    failure.getMessage(),
                    failure.getReason(),
                    failure.getException()));
      }
      throw new ValidationException(all);
    }
    read.orThrow();
    return settings;
  }

  /** {@link VigilAnomalySettings#detector()}, read through {@link #settings()}. */
  default String detector() {
    return settings().detector();
  }

  /** {@link VigilAnomalySettings#detectorSettings()}, read through {@link #settings()}. */
  default Map<String, String> detectorSettings() {
    return settings().detectorSettings();
  }

  /** {@link VigilAnomalySettings#maxSeries()}, read through {@link #settings()}. */
  default int maxSeries() {
    return settings().maxSeries();
  }

  /** {@link VigilAnomalySettings#seriesExpiry()}, read through {@link #settings()}. */
  default Duration seriesExpiry() {
    return settings().seriesExpiry();
  }

  /** {@link VigilAnomalySettings#percentile()}, read through {@link #settings()}. */
  default double percentile() {
    return settings().percentile();
  }

  /** {@link VigilAnomalySettings#signals()}, read through {@link #settings()}. */
  default Set<Signal> signals() {
    return settings().signals();
  }

  /** {@link VigilAnomalySettings#serviceTag()}, read through {@link #settings()}. */
  default String serviceTag() {
    return settings().serviceTag();
  }

  /** {@link VigilAnomalySettings#serviceName()}, read through {@link #settings()}. */
  default String serviceName() {
    return settings().serviceName();
  }

  /** Validates every key, naming each bad value and what was expected. */
  @Override
  default Validated<?> validate() {
    try {
      return Validated.valid(prefix(), settings());
    } catch (ValidationException e) {
      return e.getValidation();
    }
  }

  private static <T> Validated<T> read(Validated<T> value, Consumer<T> into) {
    if (value.isValid()) {
      @Nullable T read = value.get();
      if (read != null) {
        into.accept(read);
      }
    }
    return value;
  }
}
