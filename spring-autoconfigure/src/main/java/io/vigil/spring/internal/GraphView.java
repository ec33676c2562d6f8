package io.vigil.spring.internal;

import java.util.List;
import java.util.Set;

/**
 * The dependency graph as the report page draws it.
 *
 * @param services every service, callers and callees
 * @param edges caller to callee, with calls and errors
 * @param culprits the services marked as the incident's cause
 */
public record GraphView(List<String> services, List<Edge> edges, Set<String> culprits) {

  /** Copies the lists. */
  public GraphView {
    services = List.copyOf(services);
    edges = List.copyOf(edges);
    culprits = Set.copyOf(culprits);
  }

  /** One edge: calls and errors seen from caller to callee. */
  public record Edge(String caller, String callee, long calls, long errors) {}
}
