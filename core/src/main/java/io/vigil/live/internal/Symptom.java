package io.vigil.live.internal;

import io.vigil.rca.AnomalyGroup;
import io.vigil.rca.CallGraph;
import io.vigil.rca.RankedCause;
import io.vigil.rca.SignalEvidence;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The symptom of an incident: its most upstream anomalous service (no anomalous service calls it;
 * among several, the one reaching the most anomalous services downstream, then the earliest, then
 * by name) with a measured moved signal, and that signal (the one that moved most). When no entry
 * point has a measured signal, the next anomalous service in the same order stands in.
 *
 * @param service the symptom service
 * @param signal its strongest measured moved signal
 */
public record Symptom(String service, String signal) {

  /** The incident's symptom, empty when no anomalous service has a measured moved signal. */
  public static Optional<Symptom> of(
      AnomalyGroup group, CallGraph graph, Map<String, RankedCause> ranked) {
    Set<String> anomalous = group.services();
    Comparator<String> order =
        Comparator.comparingInt((String s) -> -reach(graph, s, anomalous))
            .thenComparingLong(s -> onset(ranked.get(s)))
            .thenComparing(Comparator.naturalOrder());
    // The entry points first (no anomalous caller); then, should none of them have a measured
    // signal (or a cycle leave none), the other anomalous services in the same order.
    List<String> candidates =
        anomalous.stream()
            .sorted(
                Comparator.comparing(
                        (String s) -> graph.callers(s).stream().anyMatch(anomalous::contains))
                    .thenComparing(order))
            .toList();
    for (String service : candidates) {
      RankedCause cause = ranked.get(service);
      if (cause == null) {
        continue;
      }
      for (SignalEvidence e : cause.evidence()) {
        if (e.measured()) {
          return Optional.of(new Symptom(service, e.signal()));
        }
      }
    }
    return Optional.empty();
  }

  private static long onset(RankedCause cause) {
    return cause == null ? Long.MAX_VALUE : cause.onsetMillis();
  }

  private static int reach(CallGraph graph, String from, Set<String> anomalous) {
    Set<String> seen = new HashSet<>(List.of(from));
    Deque<String> queue = new ArrayDeque<>(List.of(from));
    while (!queue.isEmpty()) {
      for (String callee : graph.callees(queue.poll())) {
        if (anomalous.contains(callee) && seen.add(callee)) {
          queue.add(callee);
        }
      }
    }
    return seen.size() - 1;
  }
}
