package io.vigil.detect;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A named kind of univariate detector with its documented settings: what {@code --detector NAME
 * --set key=value} selects.
 *
 * @param name the name users select it by
 * @param description one line for {@code --help}
 * @param defaults every setting it reads, with its default value
 * @param factory builds one detector from validated settings
 */
public record DetectorType(
    String name,
    String description,
    Map<String, String> defaults,
    Function<DetectorSettings, AnomalyDetector> factory) {

  /** Copies the defaults so the type cannot change under its users. */
  public DetectorType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    defaults = Map.copyOf(defaults);
    Objects.requireNonNull(factory, "factory");
  }

  /**
   * Validates the user's settings once and returns a supplier of fresh detectors, one per series.
   *
   * @throws IllegalArgumentException naming the bad setting, its value and what was expected
   */
  public Supplier<AnomalyDetector> configure(Map<String, String> overrides) {
    DetectorSettings settings = DetectorSettings.of(name, defaults, overrides);
    try {
      factory.apply(settings);
    } catch (IllegalArgumentException e) {
      // A constructor's range check: say which detector and which settings it was given.
      if (e.getMessage() != null && e.getMessage().startsWith("detector '")) {
        throw e;
      }
      throw new IllegalArgumentException(
          "detector '" + name + "' " + settings.asMap() + ": " + e.getMessage(), e);
    }
    return () -> factory.apply(settings);
  }
}
