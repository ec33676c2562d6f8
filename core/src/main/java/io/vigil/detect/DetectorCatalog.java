package io.vigil.detect;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The univariate detectors Vigil ships, by the names users select them with. */
public final class DetectorCatalog {

  private static final Map<String, DetectorType> TYPES = new LinkedHashMap<>();

  static {
    register(
        new DetectorType(
            "default",
            "Vigil's default detector for service metrics (fixed parameters)",
            Map.of(),
            s -> new DefaultDetector()));
    register(
        new DetectorType(
            "zscore",
            "rolling z-score over the previous window of points",
            Map.of("window", "100", "threshold", "3.0", "min-points", "10"),
            s ->
                new RollingZScoreDetector(
                    s.intValue("window", 2),
                    s.doubleValue("threshold", 0),
                    s.intValue("min-points", 2))));
    register(
        new DetectorType(
            "ewma",
            "exponentially weighted mean and deviation: O(1) memory, for per-step service signals",
            Map.of(
                "alpha", "0.05",
                "threshold", "5.0",
                "min-points", "10",
                "floor", "0.02",
                "anomaly-weight", "0.25"),
            s ->
                new EwmaDetector(
                    s.doubleValue("alpha", 0),
                    s.doubleValue("threshold", 0),
                    s.intValue("min-points", 2),
                    s.doubleValue("floor", -1),
                    s.doubleValue("anomaly-weight", -1))));
    register(
        new DetectorType(
            "seasonal",
            "robust or z-score per bucket of a season (hour of day, day of week, any period)",
            Map.of(
                "season", "1d",
                "bucket", "1h",
                "history", "64",
                "threshold", "3.5",
                "min-points", "8",
                "method", "robust"),
            s ->
                new SeasonalDetector(
                    s.durationMillis("season"),
                    s.durationMillis("bucket"),
                    s.intValue("history", 2),
                    s.doubleValue("threshold", 0),
                    s.intValue("min-points", 2),
                    s.enumValue("method", SeasonalDetector.Method.class))));
    register(
        new DetectorType(
            "windowed-gaussian",
            "NAB's windowed Gaussian baseline: normal tail probability over the previous window",
            Map.of("window", "6400", "step", "100", "threshold", "7.0"),
            s ->
                new WindowedGaussianDetector(
                    s.intValue("window", 1),
                    s.intValue("step", 1),
                    s.doubleValue("threshold", 0))));
  }

  private DetectorCatalog() {}

  private static void register(DetectorType type) {
    TYPES.put(type.name(), type);
  }

  /** Every detector type, in the order {@code --help} lists them. */
  public static List<DetectorType> all() {
    return List.copyOf(TYPES.values());
  }

  /** The type with this name, if Vigil has one. */
  public static Optional<DetectorType> find(String name) {
    return Optional.ofNullable(TYPES.get(name));
  }

  /**
   * The type with this name.
   *
   * @throws IllegalArgumentException naming the unknown detector and the known ones
   */
  public static DetectorType get(String name) {
    return find(name)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown detector '" + name + "'; expected one of " + TYPES.keySet()));
  }
}
