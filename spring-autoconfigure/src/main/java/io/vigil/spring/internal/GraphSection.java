package io.vigil.spring.internal;

import io.vigil.rca.CallGraph;
import io.vigil.rca.EdgeStats;
import io.vigil.spring.VigilEndpointSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The endpoint's {@code graph} section: the learned services and edges with their call counts. */
public final class GraphSection implements VigilEndpointSection {

  private final CallGraph graph;

  /** Reads this graph. */
  public GraphSection(CallGraph graph) {
    this.graph = graph;
  }

  @Override
  public String name() {
    return "graph";
  }

  @Override
  public Object read() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("services", graph.services());
    List<Map<String, Object>> edges = new ArrayList<>();
    for (List<String> edge : graph.edges()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("caller", edge.get(0));
      e.put("callee", edge.get(1));
      graph
          .edge(edge.get(0), edge.get(1))
          .map(EdgeStats::snapshot)
          .ifPresent(
              s -> {
                e.put("calls", s.calls());
                e.put("errors", s.errors());
                e.put("meanLatencyMillis", s.meanLatencyMillis());
              });
      edges.add(e);
    }
    out.put("edges", edges);
    out.put("dropped", graph.dropped());
    return out;
  }
}
