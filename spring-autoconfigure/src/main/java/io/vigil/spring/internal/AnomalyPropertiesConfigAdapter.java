package io.vigil.spring.internal;

import io.vigil.micrometer.VigilAnomalyConfig;
import io.vigil.spring.VigilAnomalyProperties;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Presents {@link VigilAnomalyProperties} as the library's {@link VigilAnomalyConfig}: each bound
 * property is handed over as the text the library parses and validates, so that one set of checks
 * applies to both; a property left unset (null) falls back to the library's default.
 */
public final class AnomalyPropertiesConfigAdapter implements VigilAnomalyConfig {

  private final VigilAnomalyProperties properties;
  private final @Nullable String serviceName;

  /** Adapts these bound properties, with the library's default service name. */
  public AnomalyPropertiesConfigAdapter(VigilAnomalyProperties properties) {
    this(properties, null);
  }

  /**
   * Adapts these bound properties; {@code serviceName} (from {@code spring.application.name}) names
   * the service of the registry's signals.
   */
  public AnomalyPropertiesConfigAdapter(
      VigilAnomalyProperties properties, @Nullable String serviceName) {
    this.properties = properties;
    this.serviceName = serviceName;
  }

  @Override
  public @Nullable String get(String key) {
    String name = key.startsWith(prefix() + ".") ? key.substring(prefix().length() + 1) : key;
    return switch (name) {
      case "step" -> text(properties.getStep());
      case "detector" -> properties.getDetector();
      case "detectorSettings" -> settings(properties.getDetectorSettings());
      case "maxSeries" -> String.valueOf(properties.getMaxSeries());
      case "seriesExpiry" -> text(properties.getSeriesExpiry());
      case "percentile" -> String.valueOf(properties.getPercentile());
      case "signals" ->
          properties.getSignals() == null ? null : String.join(",", properties.getSignals());
      case "serviceTag" -> properties.getServiceTag();
      case "serviceName" -> serviceName;
      default -> null;
    };
  }

  private static @Nullable String text(@Nullable Object value) {
    return value == null ? null : value.toString();
  }

  private static @Nullable String settings(@Nullable Map<String, String> settings) {
    if (settings == null || settings.isEmpty()) {
      return null;
    }
    return settings.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }
}
