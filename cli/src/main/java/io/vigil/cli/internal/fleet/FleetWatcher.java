package io.vigil.cli.internal.fleet;

import io.vigil.detect.AnomalyDetector;
import io.vigil.detect.Verdict;
import io.vigil.rca.Anomaly;
import io.vigil.rca.AnomalyGroup;
import io.vigil.rca.CallGraph;
import io.vigil.rca.GraphRootCauseRanker;
import io.vigil.rca.Incident;
import io.vigil.rca.IncidentGrouper;
import io.vigil.rca.RankedCause;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@code vigil watch}'s engine. Every step it reads the newest points of every signal from the
 * backend, runs one detector per series, and groups anomalies into incidents over the learned
 * graph; once an incident has been quiet for the settle time it is ranked from the backend, as
 * {@code vigil rca --prometheus} ranks it, and reported.
 *
 * <p>State is one detector and a few numbers per series (at most {@code maxSeries}, the rest
 * counted), the graph (capped) and the open incidents (capped). Nothing is stored locally: a
 * restart warms its detectors up from the backend's baseline window. Not thread-safe.
 */
public final class FleetWatcher {

  /**
   * One settled incident, ranked.
   *
   * @param incident what was read from the backend for the ranking
   * @param ranking the likely root causes, most likely first
   * @param group the anomalies that raised the incident
   */
  public record Report(Incident incident, List<RankedCause> ranking, AnomalyGroup group) {}

  private final FleetIncidents backend;
  private final Supplier<AnomalyDetector> detectors;
  private final FleetWatchSettings settings;
  private final Consumer<Report> sink;
  private final PrintWriter err;
  private final Map<String, Watched> series = new HashMap<>();
  private final CallGraph graph;
  private final IncidentGrouper grouper;
  private long steps;
  private long refusedSeries;

  FleetWatcher(
      FleetIncidents backend,
      Supplier<AnomalyDetector> detectors,
      FleetWatchSettings settings,
      Consumer<Report> sink,
      PrintWriter err) {
    this.backend = backend;
    this.detectors = detectors;
    this.settings = settings;
    this.sink = sink;
    this.err = err;
    this.graph = backend.newGraph();
    this.grouper = new IncidentGrouper(graph, settings.settleMillis(), 100, 10_000);
  }

  /** Learns the graph and warms every detector up on the baseline window before {@code t}. */
  void start(long t) {
    FleetWindow warmUp = settings.window(t - settings.baselineMillis(), t);
    backend.readGraph(warmUp, graph);
    backend.readSignals(warmUp, (service, signal, s) -> feed(service, signal, s, false));
  }

  /** Reads the step ending at {@code t}, detects, and reports the incidents that settled. */
  void step(long t) {
    FleetWindow recent = settings.window(t - 2 * settings.stepMillis(), t);
    if (steps++ % 10 == 0) {
      backend.readGraph(recent, graph);
    }
    backend.readSignals(recent, (service, signal, s) -> feed(service, signal, s, true));
    grouper.advance(t).forEach(this::report);
  }

  /** Reports every incident still open, as at the end of a replay. */
  void finish() {
    grouper.advance(Long.MAX_VALUE).forEach(this::report);
  }

  /** Series watched now. */
  int watchedSeries() {
    return series.size();
  }

  private void feed(String service, String signal, PromSeries s, boolean detect) {
    String key = service + '\u0000' + signal;
    Watched w = series.get(key);
    if (w == null) {
      if (series.size() >= settings.maxSeries()) {
        if (refusedSeries++ == 0) {
          err.println(
              "vigil: watching at most " + settings.maxSeries() + " series; more are left out");
        }
        return;
      }
      w = new Watched(detectors.get());
      series.put(key, w);
    }
    long[] ts = s.timestamps();
    double[] values = s.values();
    for (int i = 0; i < ts.length; i++) {
      if (ts[i] <= w.lastMillis) {
        continue;
      }
      w.lastMillis = ts[i];
      Verdict v = w.detector.update(ts[i], values[i]);
      if (!v.decided()) {
        continue;
      }
      w.run = v.anomaly() ? w.run + 1 : 0;
      if (detect && w.run == settings.persistence()) {
        long onset = ts[i] - (settings.persistence() - 1) * settings.stepMillis();
        grouper.add(new Anomaly(service, signal, onset, v.score())).forEach(this::report);
      }
    }
  }

  private void report(AnomalyGroup group) {
    long start = group.firstMillis() - settings.stepMillis();
    long end = Math.max(group.lastMillis(), start) + settings.settleMillis();
    FleetWindow window = settings.window(start - settings.baselineMillis(), start, end);
    Incident incident = backend.read(window);
    sink.accept(new Report(incident, GraphRootCauseRanker.create().rank(incident), group));
  }

  private static final class Watched {
    final AnomalyDetector detector;
    long lastMillis = Long.MIN_VALUE;
    int run;

    Watched(AnomalyDetector detector) {
      this.detector = detector;
    }
  }
}
