package io.vigil.detect;

/**
 * The range checks of detector settings, in one place: each names the setting, what was expected
 * and the value, so that a settings record validates itself with one line per field.
 */
final class SettingCheck {

  private SettingCheck() {}

  /** A finite number greater than {@code exclusiveMin}. */
  static double above(String key, double value, double exclusiveMin) {
    if (!(value > exclusiveMin) || !Double.isFinite(value)) {
      throw invalid(key, "a finite number > " + exclusiveMin, value);
    }
    return value;
  }

  /** A finite number no smaller than {@code min}. */
  static double atLeast(String key, double value, double min) {
    if (!(value >= min) || !Double.isFinite(value)) {
      throw invalid(key, "a finite number >= " + min, value);
    }
    return value;
  }

  /** An integer no smaller than {@code min}. */
  static int atLeast(String key, int value, int min) {
    if (value < min) {
      throw invalid(key, "an integer >= " + min, value);
    }
    return value;
  }

  /** A finite number in {@code [min, max]}. */
  static double within(String key, double value, double min, double max) {
    if (!(value >= min && value <= max)) {
      throw invalid(key, "a number in [" + min + ", " + max + "]", value);
    }
    return value;
  }

  /** A number in {@code (exclusiveMin, max]}. */
  static double aboveUpTo(String key, double value, double exclusiveMin, double max) {
    if (!(value > exclusiveMin && value <= max)) {
      throw invalid(key, "a number in (" + exclusiveMin + ", " + max + "]", value);
    }
    return value;
  }

  /** An integer in {@code [min, max]}. */
  static int within(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw invalid(key, "an integer in [" + min + ", " + max + "]", value);
    }
    return value;
  }

  static IllegalArgumentException invalid(String key, String expected, Object value) {
    return new IllegalArgumentException(
        "setting '" + key + "' must be " + expected + " but was " + value);
  }
}
