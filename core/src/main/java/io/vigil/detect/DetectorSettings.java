package io.vigil.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The string settings of one detector type ({@code --set window=100}), each with a documented
 * default, parsed into numbers with errors that name the setting, the value and what was expected.
 * Ranges are checked once, by the detector's settings record that the numbers go into; {@link
 * DetectorType#configure} adds the detector's name to any error.
 */
public final class DetectorSettings {

  private final String detector;
  private final Map<String, String> values;

  private DetectorSettings(String detector, Map<String, String> values) {
    this.detector = detector;
    this.values = values;
  }

  /**
   * Merges overrides onto defaults, rejecting any key the defaults do not name.
   *
   * @param detector the detector's name, for error messages
   * @param defaults every known setting with its default value
   * @param overrides the user's settings
   * @throws IllegalArgumentException for an unknown key
   */
  public static DetectorSettings of(
      String detector, Map<String, String> defaults, Map<String, String> overrides) {
    Map<String, String> merged = new LinkedHashMap<>(defaults);
    overrides.forEach(
        (key, value) -> {
          if (!defaults.containsKey(key)) {
            throw new IllegalArgumentException(
                "no setting '" + key + "'; expected one of " + defaults.keySet());
          }
          merged.put(key, value.trim());
        });
    return new DetectorSettings(detector, Collections.unmodifiableMap(merged));
  }

  /** All settings, defaults included, in declaration order. */
  public Map<String, String> asMap() {
    return values;
  }

  /** An integer setting; its range is checked by the detector's settings record. */
  public int integer(String key) {
    String raw = raw(key);
    try {
      return Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw invalid(key, raw, "an integer");
    }
  }

  /** A decimal setting; its range is checked by the detector's settings record. */
  public double number(String key) {
    String raw = raw(key);
    try {
      return Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw invalid(key, raw, "a number");
    }
  }

  /** A duration in milliseconds, written as a number with a unit: {@code 500ms}, {@code 1h}. */
  public long durationMillis(String key) {
    String raw = raw(key);
    try {
      return Durations.parseMillis(raw);
    } catch (IllegalArgumentException e) {
      throw invalid(key, raw, "a positive duration such as 60s, 1h or 7d");
    }
  }

  /** One of an enum's constants, written in lower case with dashes: {@code robust}. */
  public <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    String raw = raw(key);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(raw)) {
        return constant;
      }
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    throw invalid(key, raw, "one of " + names);
  }

  private String raw(String key) {
    String raw = values.get(key);
    if (raw == null) {
      throw new IllegalStateException(
          "detector '" + detector + "' reads undeclared setting " + key);
    }
    return raw;
  }

  private IllegalArgumentException invalid(String key, String raw, String expected) {
    return SettingCheck.invalid(key, expected, "'" + raw + "'");
  }
}
