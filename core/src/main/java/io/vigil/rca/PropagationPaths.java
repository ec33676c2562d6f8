package io.vigil.rca;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Propagation paths along the call graph: how a fault in a root cause reaches the services that
 * call it. A fault travels from callee to caller, so a path runs root -> caller -> its caller,
 * through anomalous services only and never earlier than the service before it.
 */
public final class PropagationPaths {

  private PropagationPaths() {}

  /**
   * Every maximal path from {@code root} up through its anomalous callers, each a list of services
   * starting at the root; at most {@code maxPaths} paths, cycles cut.
   */
  public static List<List<String>> from(
      CallGraph graph, String root, List<Anomaly> anomalies, int maxPaths) {
    Map<String, Long> onset = new HashMap<>();
    for (Anomaly a : anomalies) {
      onset.merge(a.service(), a.onsetMillis(), Math::min);
    }
    List<List<String>> paths = new ArrayList<>();
    if (onset.containsKey(root)) {
      extend(graph, onset, new LinkedHashSet<>(List.of(root)), root, paths, maxPaths);
    }
    return paths;
  }

  private static void extend(
      CallGraph graph,
      Map<String, Long> onset,
      Set<String> path,
      String last,
      List<List<String>> paths,
      int maxPaths) {
    boolean extended = false;
    for (String caller : graph.callers(last)) {
      if (paths.size() >= maxPaths) {
        return;
      }
      Long t = onset.get(caller);
      if (t != null && t >= onset.get(last) && !path.contains(caller)) {
        extended = true;
        path.add(caller);
        extend(graph, onset, path, caller, paths, maxPaths);
        path.remove(caller);
      }
    }
    if (!extended && path.size() > 1 && paths.size() < maxPaths) {
      paths.add(List.copyOf(path));
    }
  }
}
