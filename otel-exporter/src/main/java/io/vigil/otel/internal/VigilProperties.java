package io.vigil.otel.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.time.Duration;

/**
 * The {@code otel.vigil.*} properties, read and checked once when the SDK is configured. A bad
 * value fails configuration with a message naming the property, the value and the expected form.
 *
 * @param learner the learner's step, wait and caps
 * @param learningQueueSize batches waiting for the learning thread
 * @param learningCpuShare share of one core the learning thread may use
 * @param analyzerEnabled whether an incident analyzer ranks the learned signals
 * @param settle how long an incident must be quiet before it is reported
 * @param history points of history kept per signal by the analyzer
 * @param eventsEnabled whether anomalies and reports are emitted as log records
 */
public record VigilProperties(
    LearnerSettings learner,
    int learningQueueSize,
    double learningCpuShare,
    boolean analyzerEnabled,
    Duration settle,
    int history,
    boolean eventsEnabled) {

  /** Prefix of every property. */
  public static final String PREFIX = "otel.vigil.";

  /** Reads every property, with the builder's defaults for those not set. */
  public static VigilProperties from(ConfigProperties config) {
    LearnerSettings d = LearnerSettings.DEFAULTS;
    LearnerSettings learner =
        new LearnerSettings(
            duration(config, "step", d.step()),
            duration(config, "pending.ttl", d.pendingTtl()),
            count(config, "max.pending.spans", d.maxPendingSpans(), 1),
            count(config, "max.services", d.maxServices(), 1),
            count(config, "max.edges", d.maxEdges(), 1),
            count(config, "max.operations.per.service", d.maxOperationsPerService(), 1));
    return new VigilProperties(
        learner,
        count(config, "learning.queue.size", 64, 1),
        share(config, "learning.cpu.share", 0.25),
        flag(config, "analyzer.enabled", true),
        duration(config, "analyzer.settle", Duration.ofMinutes(5)),
        count(config, "analyzer.history", 120, 20),
        flag(config, "events.enabled", true));
  }

  private static Duration duration(ConfigProperties config, String key, Duration fallback) {
    String value = config.getString(PREFIX + key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    Duration parsed;
    try {
      parsed = config.getDuration(PREFIX + key);
    } catch (ConfigurationException e) {
      parsed = null;
    }
    if (parsed == null || parsed.toMillis() < 1) {
      throw new ConfigurationException(
          PREFIX
              + key
              + " must be a positive duration such as 500ms, 30s or 1m but was '"
              + value
              + "'");
    }
    return parsed;
  }

  private static int count(ConfigProperties config, String key, int fallback, int min) {
    String value = config.getString(PREFIX + key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.trim());
      if (parsed >= min) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException(
        PREFIX + key + " must be an integer >= " + min + " but was '" + value + "'");
  }

  private static double share(ConfigProperties config, String key, double fallback) {
    String value = config.getString(PREFIX + key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      double parsed = Double.parseDouble(value.trim());
      if (parsed > 0.0 && parsed <= 1.0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException(
        PREFIX + key + " must be a number in (0, 1], such as 0.25, but was '" + value + "'");
  }

  private static boolean flag(ConfigProperties config, String key, boolean fallback) {
    String value = config.getString(PREFIX + key);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new ConfigurationException(
              PREFIX + key + " must be true or false but was '" + value + "'");
    };
  }
}
