package io.vigil.live.internal;

import io.vigil.rca.AnomalyGroup;
import io.vigil.rca.CallGraph;
import io.vigil.rca.MetricSeries;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What one incident is ranked over: its anomalous services and every service they call, directly or
 * not (where a root cause can hide without alerting), at most {@link #MAX_SERVICES}; the call-graph
 * edges among them; and a snapshot of their signals' histories.
 *
 * @param services the services in scope, the anomalous ones first
 * @param graph a copy of the shared graph's edges among them
 * @param series the histories of their signals, by service and signal, each non-empty
 */
public record IncidentScope(
    Set<String> services, CallGraph graph, Map<String, Map<String, MetricSeries>> series) {

  /** Cap on the services one incident is ranked over, so a ranking's cost stays bounded. */
  public static final int MAX_SERVICES = 1_000;

  /** The scope of a group of anomalies over the shared graph and the tracked signals. */
  public static IncidentScope of(AnomalyGroup group, CallGraph shared, SignalTable table) {
    Set<String> services = new LinkedHashSet<>(group.services().stream().sorted().toList());
    Deque<String> queue = new ArrayDeque<>(services);
    while (!queue.isEmpty() && services.size() < MAX_SERVICES) {
      for (String callee : shared.callees(queue.poll())) {
        if (services.size() < MAX_SERVICES && services.add(callee)) {
          queue.add(callee);
        }
      }
    }
    CallGraph graph = new CallGraph(MAX_SERVICES, MAX_SERVICES * 10);
    Map<String, Map<String, MetricSeries>> series = new LinkedHashMap<>();
    for (String service : services) {
      graph.addService(service);
      for (String callee : shared.callees(service)) {
        if (services.contains(callee)) {
          graph.addEdge(service, callee);
        }
      }
      for (SignalHistory h : table.of(service)) {
        MetricSeries s = h.snapshot();
        if (s.size() > 0) {
          series.computeIfAbsent(service, k -> new LinkedHashMap<>()).put(s.signal(), s);
        }
      }
    }
    return new IncidentScope(services, graph, series);
  }

  /** Every series in scope. */
  public List<MetricSeries> allSeries() {
    List<MetricSeries> all = new ArrayList<>();
    series.values().forEach(m -> all.addAll(m.values()));
    return all;
  }

  /** One series, null when the scope has no history for it. */
  public @Nullable MetricSeries series(String service, String signal) {
    Map<String, MetricSeries> signals = series.get(service);
    return signals == null ? null : signals.get(signal);
  }
}
