package io.vigil.cli.internal.fleet;

import io.vigil.cli.internal.InputException;
import io.vigil.rca.CallGraph;
import io.vigil.rca.Incident;
import io.vigil.rca.MetricSeries;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@link Incident} from a metrics backend: the call graph from the graph query, one
 * {@link MetricSeries} per service and signal from the signal queries, over one window. Series that
 * name no service are counted and reported, never guessed.
 */
final class FleetIncidents {

  private final PrometheusClient client;
  private final FleetQueries queries;
  private final PrintWriter warnings;
  private final int maxServices;

  FleetIncidents(
      PrometheusClient client, FleetQueries queries, PrintWriter warnings, int maxServices) {
    this.client = client;
    this.queries = queries;
    this.warnings = warnings;
    this.maxServices = maxServices;
  }

  /** The incident over {@code window}; fails when the backend holds no matching series. */
  Incident read(FleetWindow window) {
    long began = System.nanoTime();
    int queriesBefore = client.queryCount();
    CallGraph graph = newGraph();
    readGraph(window, graph);
    List<MetricSeries> series = new ArrayList<>();
    long unnamed = 0;
    for (Map.Entry<String, String> signal : queries.signals().entrySet()) {
      for (PromSeries s : query(signal.getValue(), window)) {
        String service = s.label("service");
        if (service.isEmpty()) {
          unnamed++;
          continue;
        }
        series.add(new MetricSeries(service, signal.getKey(), s.timestamps(), finite(s.values())));
      }
    }
    if (unnamed > 0) {
      warnings.println(
          "vigil: "
              + unnamed
              + " series had no 'service' label and were left out (see --queries in"
              + " docs/fleet.md)");
    }
    if (graph.dropped() > 0) {
      warnings.println(
          "vigil: the graph holds at most "
              + maxServices
              + " services; "
              + graph.dropped()
              + " services or edges were left out");
    }
    if (graph.edgeCount() == 0 && series.isEmpty()) {
      throw new InputException(
          "the metrics backend at "
              + client.base()
              + " holds no series matching the graph or signal queries between "
              + java.time.Instant.ofEpochMilli(window.normalStart())
              + " and "
              + java.time.Instant.ofEpochMilli(window.end())
              + " (is the service graph exported? see docs/fleet.md)");
    }
    long services = series.stream().map(MetricSeries::service).distinct().count();
    warnings.printf(
        java.util.Locale.ROOT,
        "vigil: read %d series of %d services and %d edges in %d queries, %.2f s%n",
        series.size(),
        services,
        graph.edgeCount(),
        client.queryCount() - queriesBefore,
        (System.nanoTime() - began) / 1e9);
    warnings.flush();
    return new Incident(graph, List.of(), series, window.start(), window.end());
  }

  /** An empty graph with this reader's caps. */
  CallGraph newGraph() {
    return new CallGraph(maxServices, maxServices * 20);
  }

  /** Adds every edge that carried calls during {@code window} to {@code graph}. */
  void readGraph(FleetWindow window, CallGraph graph) {
    for (PromSeries edge : query(queries.graph(), window)) {
      String caller = edge.label("client");
      String callee = edge.label("server");
      if (!caller.isEmpty() && !callee.isEmpty() && anyPositive(edge.values())) {
        graph.addEdge(caller, callee);
      }
    }
  }

  /** Every signal's series over {@code window}, by signal name; series with no service skipped. */
  void readSignals(FleetWindow window, SeriesSink sink) {
    for (Map.Entry<String, String> signal : queries.signals().entrySet()) {
      for (PromSeries s : query(signal.getValue(), window)) {
        String service = s.label("service");
        if (!service.isEmpty()) {
          sink.accept(service, signal.getKey(), s);
        }
      }
    }
  }

  /** Receives one series of one signal. */
  @FunctionalInterface
  interface SeriesSink {
    void accept(String service, String signal, PromSeries series);
  }

  private List<PromSeries> query(String query, FleetWindow window) {
    return client.queryRange(
        FleetQueries.expand(query, window), window.normalStart(), window.end(), window.step());
  }

  private static boolean anyPositive(double[] values) {
    for (double v : values) {
      if (v > 0) {
        return true;
      }
    }
    return false;
  }

  private static double[] finite(double[] values) {
    double[] out = values.clone();
    for (int i = 0; i < out.length; i++) {
      if (Double.isInfinite(out[i])) {
        out[i] = Double.NaN;
      }
    }
    return out;
  }
}
