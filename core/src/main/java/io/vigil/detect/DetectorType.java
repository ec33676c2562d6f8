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
 * @param factory reads the settings into the detector's settings record, which checks their ranges,
 *     and returns a supplier of fresh detectors built from that record
 */
public record DetectorType(
    String name,
    String description,
    Map<String, String> defaults,
    Function<DetectorSettings, Supplier<AnomalyDetector>> factory) {

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
   * @throws IllegalArgumentException {@code detector 'NAME': } followed by the bad setting, what
   *     was expected and its value
   */
  public Supplier<AnomalyDetector> configure(Map<String, String> overrides) {
    try {
      return factory.apply(DetectorSettings.of(name, defaults, overrides));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("detector '" + name + "': " + e.getMessage(), e);
    }
  }
}
