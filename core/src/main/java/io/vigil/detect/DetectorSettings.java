package io.vigil.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The string settings of one detector type ({@code --set window=100}), each with a documented
 * default, read back as typed values with errors that name the setting, the value and what was
 * expected.
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
                "detector '"
                    + detector
                    + "' has no setting '"
                    + key
                    + "'; expected one of "
                    + defaults.keySet());
          }
          merged.put(key, value.trim());
        });
    return new DetectorSettings(detector, Collections.unmodifiableMap(merged));
  }

  /** All settings, defaults included, in declaration order. */
  public Map<String, String> asMap() {
    return values;
  }

  /** An integer setting no smaller than {@code min}. */
  public int intValue(String key, int min) {
    String raw = raw(key);
    int value;
    try {
      value = Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      throw invalid(key, raw, "an integer >= " + min);
    }
    if (value < min) {
      throw invalid(key, raw, "an integer >= " + min);
    }
    return value;
  }

  /** A finite decimal setting strictly greater than {@code exclusiveMin}. */
  public double doubleValue(String key, double exclusiveMin) {
    String raw = raw(key);
    double value;
    try {
      value = Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      throw invalid(key, raw, "a number > " + exclusiveMin);
    }
    if (!Double.isFinite(value) || value <= exclusiveMin) {
      throw invalid(key, raw, "a number > " + exclusiveMin);
    }
    return value;
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
    return new IllegalArgumentException(
        "detector '"
            + detector
            + "': setting '"
            + key
            + "' must be "
            + expected
            + " but was '"
            + raw
            + "'");
  }
}
