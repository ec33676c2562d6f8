package io.vigil.micrometer;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.vigil.micrometer.internal.Glob;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Static factories of the meter filters that choose what {@link VigilAnomalyMeterRegistry} watches
 * and which distribution statistics the watched meters publish.
 *
 * <p>Give them to {@link VigilAnomalyMeterRegistry.Builder#watch(MeterFilter...)} so that the
 * series cap counts only watched meters. Name patterns are globs: {@code *} matches any run of
 * characters ({@code jvm.gc.*}).
 */
public final class VigilMeterFilters {

  /**
   * The meters watched by default: HTTP server requests, JVM garbage collection and memory, and
   * connection pools (HikariCP, JDBC, R2DBC).
   */
  public static final List<String> DEFAULT_NAMES =
      List.of(
          "http.server.requests",
          "jvm.gc.pause",
          "jvm.gc.overhead",
          "jvm.memory.used",
          "jvm.memory.usage.after.gc",
          "hikaricp.connections.*",
          "jdbc.connections.*",
          "r2dbc.pool.*");

  private VigilMeterFilters() {}

  /** Watches {@link #DEFAULT_NAMES} and nothing else. */
  public static MeterFilter defaults() {
    return watchNames(DEFAULT_NAMES.toArray(String[]::new));
  }

  /** Watches the meters whose name matches one of the globs, and nothing else. */
  public static MeterFilter watchNames(String... namePatterns) {
    return watch(names(namePatterns));
  }

  /** Watches the meters that carry the tag {@code key} with a value matching one of the globs. */
  public static MeterFilter watchTagged(String key, String... valuePatterns) {
    return watch(tagged(key, valuePatterns));
  }

  /** Watches the meters the predicate selects, and nothing else. */
  public static MeterFilter watch(Predicate<Meter.Id> watched) {
    Objects.requireNonNull(watched, "watched");
    return new MeterFilter() {
      @Override
      public MeterFilterReply accept(Meter.Id id) {
        return watched.test(id) ? MeterFilterReply.ACCEPT : MeterFilterReply.DENY;
      }
    };
  }

  /** Selects meters by name glob, for composing with {@link Predicate#and}. */
  public static Predicate<Meter.Id> names(String... namePatterns) {
    List<Glob> globs = Arrays.stream(namePatterns).map(Glob::of).toList();
    return id -> globs.stream().anyMatch(g -> g.matches(id.getName()));
  }

  /** Selects meters carrying the tag {@code key} with a value matching one of the globs. */
  public static Predicate<Meter.Id> tagged(String key, String... valuePatterns) {
    Objects.requireNonNull(key, "key");
    List<Glob> globs = Arrays.stream(valuePatterns).map(Glob::of).toList();
    return id -> {
      String value = id.getTag(key);
      return value != null && globs.stream().anyMatch(g -> g.matches(value));
    };
  }

  /**
   * Makes the selected timers and summaries publish client-side percentiles, so that the registry
   * watches {@link Signal#PERCENTILE} (its {@code percentile} setting must be among them).
   *
   * <p>Costs a percentile histogram on the record path of each selected meter.
   *
   * @throws IllegalArgumentException for a percentile outside (0, 1)
   */
  public static MeterFilter percentiles(Predicate<Meter.Id> selected, double... percentiles) {
    for (double p : percentiles) {
      if (!(p > 0 && p < 1)) {
        throw new IllegalArgumentException("percentiles must be fractions in (0, 1) but got " + p);
      }
    }
    double[] copy = percentiles.clone();
    return configure(selected, DistributionStatisticConfig.builder().percentiles(copy).build());
  }

  /**
   * Makes the selected timers and summaries publish a percentile histogram for the backend beside
   * Vigil (Prometheus, OTLP).
   */
  public static MeterFilter percentileHistogram(Predicate<Meter.Id> selected) {
    return configure(
        selected, DistributionStatisticConfig.builder().percentilesHistogram(true).build());
  }

  private static MeterFilter configure(
      Predicate<Meter.Id> selected, DistributionStatisticConfig wanted) {
    Objects.requireNonNull(selected, "selected");
    return new MeterFilter() {
      @Override
      public @Nullable DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        return selected.test(id) ? wanted.merge(config) : config;
      }
    };
  }
}
