package io.vigil.micrometer;

import static io.micrometer.core.instrument.config.validate.PropertyValidator.getDuration;
import static io.micrometer.core.instrument.config.validate.PropertyValidator.getInteger;
import static io.micrometer.core.instrument.config.validate.PropertyValidator.getString;
import static io.micrometer.core.instrument.config.validate.PropertyValidator.getStringMap;

import io.micrometer.core.instrument.config.validate.InvalidReason;
import io.micrometer.core.instrument.config.validate.Validated;
import io.micrometer.core.instrument.config.validate.ValidationException;
import io.micrometer.core.instrument.step.StepRegistryConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
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
            .and(read(strictBoolean(this, "enabled"), builder::enabled))
            .and(read(getString(this, "detector"), builder::detector))
            .and(read(keyValues(this, "detectorSettings"), builder::detectorSettings))
            .and(read(getInteger(this, "maxSeries"), builder::maxSeries))
            .and(read(getDuration(this, "seriesExpiry"), builder::seriesExpiry))
            .and(read(fraction(this, "percentile"), builder::percentile))
            .and(read(signalList(this, "signals"), builder::signals))
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

  private static Validated<Boolean> strictBoolean(VigilAnomalyConfig config, String key) {
    return getString(config, key)
        .invalidateWhen(
            v ->
                v != null
                    && !v.trim().equalsIgnoreCase("true")
                    && !v.trim().equalsIgnoreCase("false"),
            "must be true or false",
            InvalidReason.MALFORMED)
        .map(v -> v == null ? null : Boolean.valueOf(v.trim()));
  }

  /**
   * Micrometer's {@code key=value,key=value} map, refusing what it would skip without a word: an
   * entry without a key and a value, a key given twice.
   */
  private static Validated<Map<String, String>> keyValues(VigilAnomalyConfig config, String key) {
    String property = config.prefix() + "." + key;
    @Nullable String text = config.get(property);
    Validated<Map<String, String>> map = getStringMap(config, key, String::trim);
    String expected = "must be key=value pairs separated by commas, each key once, like window=60";
    if (map.isInvalid()) {
      return Validated.invalid(property, text, expected, InvalidReason.MALFORMED);
    }
    @Nullable Map<String, String> read = map.get();
    long entries =
        text == null ? 0 : Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).count();
    if (read != null
        && (read.size() != entries
            || read.entrySet().stream()
                .anyMatch(e -> e.getKey().isBlank() || e.getValue().isEmpty()))) {
      return Validated.invalid(property, text, expected, InvalidReason.MALFORMED);
    }
    return map;
  }

  private static Validated<Double> fraction(VigilAnomalyConfig config, String key) {
    Validated<String> text = getString(config, key);
    @Nullable String value = text.get();
    try {
      return text.map(v -> v == null ? null : new BigDecimal(v.trim()).doubleValue());
    } catch (NumberFormatException e) {
      return Validated.invalid(
          config.prefix() + "." + key,
          value,
          "must be a decimal fraction in (0, 1), like 0.99",
          InvalidReason.MALFORMED,
          e);
    }
  }

  private static Validated<Set<Signal>> signalList(VigilAnomalyConfig config, String key) {
    String property = config.prefix() + "." + key;
    @Nullable String text = config.get(property);
    if (text == null) {
      return Validated.valid(property, null);
    }
    Set<Signal> signals = EnumSet.noneOf(Signal.class);
    for (String name : text.split(",")) {
      if (name.isBlank()) {
        continue;
      }
      Signal signal = Signal.fromTagValue(name.trim());
      if (signal == null) {
        return Validated.invalid(
            property,
            text,
            "must list signals among " + Signal.tagValues() + " but '" + name.trim() + "' is none",
            InvalidReason.MALFORMED);
      }
      signals.add(signal);
    }
    return Validated.valid(property, signals);
  }
}
