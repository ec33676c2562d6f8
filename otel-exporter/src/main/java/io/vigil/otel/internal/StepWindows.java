package io.vigil.otel.internal;

import io.vigil.live.SignalListener;
import io.vigil.rca.CallGraph;
import io.vigil.rca.EdgeStats;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Every learned service and edge with its per-step windows, bounded by the caps on services, edges
 * and operations per service. Series are created on first sight and kept; each closed step sends
 * all their signals to the listener. Not thread-safe: the learner owns it.
 */
final class StepWindows {

  private final LearnerSettings settings;
  private final CallGraph graph;
  private final LearningCounters counters;
  private final Map<String, ServiceSeries> services = new LinkedHashMap<>();
  private final Map<String, Map<String, EdgeSeries>> edges = new HashMap<>();
  private int edgeCount;

  StepWindows(LearnerSettings settings, CallGraph graph, LearningCounters counters) {
    this.settings = settings;
    this.graph = graph;
    this.counters = counters;
  }

  /** The service's series, created if the cap allows; null past it. */
  @Nullable ServiceSeries service(String name) {
    ServiceSeries series = services.get(name);
    if (series == null) {
      if (services.size() >= settings.maxServices()) {
        counters.droppedService(settings.maxServices());
        return null;
      }
      series = new ServiceSeries(name);
      services.put(name, series);
      graph.addService(name);
    }
    return series;
  }

  /** The operation's window in a service, created if the cap allows; null past it. */
  @Nullable RedWindow operation(ServiceSeries service, String operation) {
    RedWindow window = service.operation(operation, settings.maxOperationsPerService());
    if (window == null) {
      counters.droppedOperation(service.name, settings.maxOperationsPerService());
    }
    return window;
  }

  /** The edge caller -> callee, created with both services if the caps allow; null past them. */
  @Nullable EdgeSeries edge(String caller, String callee, ConnectionType type) {
    Map<String, EdgeSeries> out = edges.get(caller);
    EdgeSeries edge = out == null ? null : out.get(callee);
    if (edge != null) {
      return edge;
    }
    if (edgeCount >= settings.maxEdges()) {
      counters.droppedEdge(settings.maxEdges());
      return null;
    }
    ServiceSeries from = service(caller);
    ServiceSeries to = from == null ? null : service(callee);
    if (to == null) {
      return null;
    }
    EdgeStats stats = graph.addEdge(caller, callee).orElse(null);
    edge = new EdgeSeries(caller, callee, type, stats);
    edges.computeIfAbsent(caller, k -> new HashMap<>()).put(callee, edge);
    to.addIncoming(edge);
    edgeCount++;
    return edge;
  }

  /** Sends every series' signals for the step that ended at {@code stepEndMillis}. */
  void emit(SignalListener listener, long stepEndMillis) {
    for (ServiceSeries series : services.values()) {
      series.emit(listener, stepEndMillis);
    }
  }

  int serviceCount() {
    return services.size();
  }

  int edgeCount() {
    return edgeCount;
  }
}
