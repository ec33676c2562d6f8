package io.vigil.cli.internal;

import io.vigil.detect.AnomalyDetector;
import io.vigil.detect.DetectorCatalog;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code --detector NAME --set key=value} of every command, read once: the catalog validates the
 * name and settings, and its complaint becomes bad input naming the setting, the value and what was
 * expected.
 */
public final class DetectorChoice {

  private DetectorChoice() {}

  /**
   * A supplier of fresh detectors, one per series.
   *
   * @throws InputException for an unknown detector or a bad setting
   */
  public static Supplier<AnomalyDetector> configure(String detector, Map<String, String> settings) {
    try {
      return DetectorCatalog.get(detector).configure(settings);
    } catch (IllegalArgumentException e) {
      throw new InputException(e.getMessage(), e);
    }
  }
}
