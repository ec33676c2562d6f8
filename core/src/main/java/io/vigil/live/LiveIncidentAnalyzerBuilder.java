package io.vigil.live;

import io.vigil.detect.AnomalyDetector;
import io.vigil.detect.DetectorCatalog;
import io.vigil.rca.CallGraph;
import io.vigil.rca.RankerSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Builds a {@link LiveIncidentAnalyzer}. Every setting has a default (docs/live.md); {@link
 * #build()} checks each value's range and the settings against each other, and an error names the
 * setting, its value and the range expected.
 */
public final class LiveIncidentAnalyzerBuilder {

  /** Default step: one minute, Micrometer's default step. */
  public static final Duration DEFAULT_STEP = Duration.ofMinutes(1);

  /** Default points kept per signal: an hour of normal window and an hour of incident at 1m. */
  public static final int DEFAULT_HISTORY = 120;

  /** Default settle time: five steps of the default step. */
  public static final Duration DEFAULT_SETTLE = Duration.ofMinutes(5);

  /** Default cap on signals tracked. */
  public static final int DEFAULT_MAX_SIGNALS = 10_000;

  /** Default number of reports kept. */
  public static final int DEFAULT_MAX_REPORTS = 100;

  /** Default cap on anomalies per incident and in the recent list. */
  public static final int DEFAULT_MAX_ANOMALIES = 1_000;

  /** Default consecutive anomalous points before a signal raises an anomaly. */
  public static final int DEFAULT_PERSISTENCE = 2;

  /** Fewest normal-window points the history must leave beside the settle time. */
  static final int MIN_NORMAL_POINTS = 10;

  CallGraph graph = new CallGraph();
  long stepMillis = DEFAULT_STEP.toMillis();
  Supplier<AnomalyDetector> detector = DetectorCatalog.get("ewma").configure(Map.of());
  int history = DEFAULT_HISTORY;
  long settleMillis = DEFAULT_SETTLE.toMillis();
  long eventWindowMillis = -1;
  int maxSignals = DEFAULT_MAX_SIGNALS;
  int maxReports = DEFAULT_MAX_REPORTS;
  int maxAnomalies = DEFAULT_MAX_ANOMALIES;
  int maxOpenIncidents = 100;
  int maxEvents = 1_000;
  int persistence = DEFAULT_PERSISTENCE;
  RankerSettings ranker = RankerSettings.DEFAULTS;
  Clock clock = Clock.systemUTC();
  final List<IncidentReportListener> listeners = new ArrayList<>();

  LiveIncidentAnalyzerBuilder() {}

  /**
   * The call graph to rank over, shared with whatever learns it (a span exporter); default empty.
   */
  public LiveIncidentAnalyzerBuilder graph(CallGraph graph) {
    this.graph = Objects.requireNonNull(graph, "graph");
    return this;
  }

  /** How often sources send each signal; correlations align points within one step. */
  public LiveIncidentAnalyzerBuilder step(Duration step) {
    this.stepMillis = millis(step, "step");
    return this;
  }

  /** Makes one detector per signal; default the catalog's {@code ewma} at its defaults. */
  public LiveIncidentAnalyzerBuilder detector(Supplier<AnomalyDetector> detector) {
    this.detector = Objects.requireNonNull(detector, "detector");
    return this;
  }

  /** Points kept per signal: the normal window plus the incident plus the settle time. */
  public LiveIncidentAnalyzerBuilder history(int points) {
    this.history = points;
    return this;
  }

  /** How long an incident must go without a new anomaly before it is ranked and reported. */
  public LiveIncidentAnalyzerBuilder settle(Duration settle) {
    this.settleMillis = millis(settle, "settle");
    return this;
  }

  /**
   * How far before an incident a marked event counts, and its impact test's window; default 10
   * steps.
   */
  public LiveIncidentAnalyzerBuilder eventWindow(Duration window) {
    this.eventWindowMillis = millis(window, "eventWindow");
    return this;
  }

  /** Cap on signals tracked; values of new signals past it are counted and dropped. */
  public LiveIncidentAnalyzerBuilder maxSignals(int maxSignals) {
    this.maxSignals = maxSignals;
    return this;
  }

  /** Reports kept for {@link LiveIncidentAnalyzer#reports()}. */
  public LiveIncidentAnalyzerBuilder maxReports(int maxReports) {
    this.maxReports = maxReports;
    return this;
  }

  /** Cap on anomalies kept per incident and in {@link LiveIncidentAnalyzer#recentAnomalies()}. */
  public LiveIncidentAnalyzerBuilder maxAnomalies(int maxAnomalies) {
    this.maxAnomalies = maxAnomalies;
    return this;
  }

  /** Consecutive anomalous points before a signal raises an anomaly (1: the first one). */
  public LiveIncidentAnalyzerBuilder persistence(int points) {
    this.persistence = points;
    return this;
  }

  /** The ranker's settings; default {@link RankerSettings#DEFAULTS}. */
  public LiveIncidentAnalyzerBuilder ranker(RankerSettings settings) {
    this.ranker = Objects.requireNonNull(settings, "ranker");
    return this;
  }

  /** Adds a listener for every report. */
  public LiveIncidentAnalyzerBuilder listener(IncidentReportListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /** The clock of {@link LiveIncidentAnalyzer#advance()} and of events marked without a time. */
  public LiveIncidentAnalyzerBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /**
   * Checks the settings and builds the analyzer.
   *
   * @throws IllegalArgumentException naming the setting, its value and the range expected
   */
  public LiveIncidentAnalyzer build() {
    check("history", history, 16, 100_000);
    check("maxSignals", maxSignals, 1, 10_000_000);
    check("maxReports", maxReports, 1, 100_000);
    check("maxAnomalies", maxAnomalies, 1, 1_000_000);
    check("persistence", persistence, 1, 100);
    long needed = (settleMillis / stepMillis + MIN_NORMAL_POINTS + persistence);
    if (history < needed) {
      throw new IllegalArgumentException(
          "history must be >= "
              + needed
              + " points (settle "
              + Duration.ofMillis(settleMillis)
              + " / step "
              + Duration.ofMillis(stepMillis)
              + " + "
              + MIN_NORMAL_POINTS
              + " normal points + persistence) but was "
              + history);
    }
    return new LiveIncidentAnalyzer(this);
  }

  private static long millis(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.compareTo(Duration.ofMillis(1)) < 0 || d.compareTo(Duration.ofDays(365)) > 0) {
      throw new IllegalArgumentException(name + " must be in [1ms, 365d] but was " + d);
    }
    return d.toMillis();
  }

  private static void check(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          name + " must be in [" + min + ", " + max + "] but was " + value);
    }
  }
}
