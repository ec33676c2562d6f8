package io.vigil.micrometer.internal;

import static io.micrometer.core.instrument.config.validate.PropertyValidator.getString;
import static io.micrometer.core.instrument.config.validate.PropertyValidator.getStringMap;

import io.micrometer.core.instrument.config.MeterRegistryConfig;
import io.micrometer.core.instrument.config.validate.InvalidReason;
import io.micrometer.core.instrument.config.validate.Validated;
import io.vigil.micrometer.Signal;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The readers of {@code vigil.anomaly.*} properties that Micrometer's {@code PropertyValidator}
 * lacks, built on its {@code getString} and {@code getStringMap}: each returns a {@link Validated}
 * naming the key and the value as written, and null when the key is unset.
 */
public final class PropertyReaders {

  private PropertyReaders() {}

  /** A boolean that must be written {@code true} or {@code false}, any case. */
  public static Validated<Boolean> strictBoolean(MeterRegistryConfig config, String key) {
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
  public static Validated<Map<String, String>> keyValues(MeterRegistryConfig config, String key) {
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

  /** A plain decimal number: no {@code NaN}, hexadecimal or {@code d}/{@code f} suffix. */
  public static Validated<Double> fraction(MeterRegistryConfig config, String key) {
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

  /** A comma-separated list of {@link Signal#tagValue()}s. */
  public static Validated<Set<Signal>> signalList(MeterRegistryConfig config, String key) {
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
