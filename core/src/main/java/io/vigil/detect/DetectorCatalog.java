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
            s -> DefaultDetector::new));
    register(
        new DetectorType(
            "lean",
            "self-calibrated level, change and shape surprise in about 1.5 KB per series, O(1)",
            Map.of("threshold", Double.toString(LeanDetector.DEFAULT_THRESHOLD)),
            s -> {
              var settings = new LeanDetector.Settings(s.number("threshold"));
              return () -> new LeanDetector(settings);
            }));
    register(
        new DetectorType(
            "zscore",
            "rolling z-score over the previous window of points",
            Map.of("window", "100", "threshold", "3.0", "min-points", "10"),
            s -> {
              var settings =
                  new RollingZScoreDetector.Settings(
                      s.integer("window"), s.number("threshold"), s.integer("min-points"));
              return () -> new RollingZScoreDetector(settings);
            }));
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
            s -> {
              var settings =
                  new EwmaDetector.Settings(
                      s.number("alpha"),
                      s.number("threshold"),
                      s.integer("min-points"),
                      s.number("floor"),
                      s.number("anomaly-weight"));
              return () -> new EwmaDetector(settings);
            }));
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
            s -> {
              var settings =
                  new SeasonalDetector.Settings(
                      s.durationMillis("season"),
                      s.durationMillis("bucket"),
                      s.integer("history"),
                      s.number("threshold"),
                      s.integer("min-points"),
                      s.enumValue("method", SeasonalDetector.Method.class));
              return () -> new SeasonalDetector(settings);
            }));
    register(
        new DetectorType(
            "windowed-gaussian",
            "NAB's windowed Gaussian baseline: normal tail probability over the previous window",
            Map.of("window", "6400", "step", "100", "threshold", "7.0"),
            s -> {
              var settings =
                  new WindowedGaussianDetector.Settings(
                      s.integer("window"), s.integer("step"), s.number("threshold"));
              return () -> new WindowedGaussianDetector(settings);
            }));
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
