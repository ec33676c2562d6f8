package io.vigil.rca;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Vigil's root-cause ranking. It combines the three kinds of evidence of the RCA literature:
 *
 * <ol>
 *   <li>Deviation: each signal is scored against its own normal window with the median and IQR
 *       (robust to outliers in the normal window); a service's anomaly is its strongest upward
 *       deviation, or the magnitude of its strongest alert.
 *   <li>Graph: a personalized random walk on the anomaly-weighted call graph. The walk starts at
 *       anomalous services and steps from a caller to its anomalous callees (a fault propagates
 *       from callee to caller, so the walk goes against it), with a small weight back to callers;
 *       mass gathers at the anomalous services that explain their anomalous callers. A service also
 *       scores for every anomalous caller it explains (reachable through anomalous callers, none of
 *       which started earlier than it).
 *   <li>Onset order: a service whose signals did not move first is discounted, since effects follow
 *       causes.
 * </ol>
 *
 * <p>Causes are ordered by score, then earliest onset, then name, so that equal scores always come
 * out in the same order.
 *
 * <p>Stateless and thread-safe; cost O(series * points * log(points) + (services + edges) * rounds
 * + services * (services + edges) for the explained callers), memory O(series + points + services +
 * edges).
 */
public final class GraphRootCauseRanker implements RootCauseRanker {

  private final RankerSettings settings;
  private final SignalScorer scorer;

  /** A ranker with the given settings. */
  public GraphRootCauseRanker(RankerSettings settings) {
    this.settings = settings;
    this.scorer = SignalScorer.robust(settings.onsetThreshold(), settings.persistence());
  }

  /** A ranker with {@link RankerSettings#DEFAULTS}. */
  public static GraphRootCauseRanker create() {
    return new GraphRootCauseRanker(RankerSettings.DEFAULTS);
  }

  @Override
  public List<RankedCause> rank(Incident incident) {
    Map<String, List<SignalEvidence>> evidence = evidenceByService(incident);
    incident.graph().services().forEach(s -> evidence.computeIfAbsent(s, k -> List.of()));
    List<String> services = new ArrayList<>(evidence.keySet());
    int n = services.size();
    if (n == 0) {
      return List.of();
    }
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < n; i++) {
      index.put(services.get(i), i);
    }
    double[] anomaly = new double[n];
    long[] onset = new long[n];
    long firstOnset = Long.MAX_VALUE;
    for (int i = 0; i < n; i++) {
      List<SignalEvidence> own = evidence.get(services.get(i));
      anomaly[i] = own.isEmpty() ? 0.0 : strength(own.get(0));
      onset[i] = own.stream().mapToLong(SignalEvidence::onsetMillis).min().orElse(Long.MAX_VALUE);
      firstOnset = Math.min(firstOnset, onset[i]);
    }
    double[] walk = walk(incident.graph(), services, index, anomaly);
    double maxWalk = max(walk);
    double maxAnomaly = max(anomaly);
    List<RankedCause> ranked = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String service = services.get(i);
      List<String> explained = explainedCallers(incident.graph(), service, onset, index);
      double a = maxAnomaly > 0 ? anomaly[i] / maxAnomaly : 0.0;
      double w = maxWalk > 0 ? walk[i] / maxWalk : 0.0;
      double order = onset[i] == firstOnset ? 1.0 : settings.onsetDecay();
      double score =
          Math.pow(a, settings.deviationWeight())
              * Math.pow(w, settings.graphWeight())
              * Math.pow(1.0 + explained.size(), settings.explainWeight())
              * order;
      List<SignalEvidence> moved =
          evidence.get(service).stream().filter(SignalEvidence::moved).toList();
      ranked.add(new RankedCause(service, score, moved, explained, onset[i]));
    }
    ranked.sort(
        Comparator.comparingDouble(RankedCause::score)
            .reversed()
            .thenComparingLong(RankedCause::onsetMillis)
            .thenComparing(RankedCause::service));
    return ranked;
  }

  private Map<String, List<SignalEvidence>> evidenceByService(Incident incident) {
    Map<String, List<SignalEvidence>> byService = new LinkedHashMap<>();
    for (MetricSeries series : incident.series()) {
      SignalEvidence e = scorer.score(series, incident.startMillis(), incident.endMillis());
      byService.computeIfAbsent(e.service(), s -> new ArrayList<>()).add(e);
    }
    for (Anomaly anomaly : incident.anomalies()) {
      byService
          .computeIfAbsent(anomaly.service(), s -> new ArrayList<>())
          .add(SignalEvidence.of(anomaly));
    }
    Comparator<SignalEvidence> strongestFirst =
        Comparator.comparingDouble(this::strength).reversed();
    byService.values().forEach(list -> list.sort(strongestFirst));
    return byService;
  }

  /**
   * How strongly the evidence points at its own service: its upward deviation, times {@code
   * resourceWeight} for a measured resource series that has moved (at least {@code onsetThreshold}
   * spreads; smaller wobbles are not amplified, and an alert's magnitude is taken as given). A
   * service's CPU or memory moves with what the service does; its latency and errors move with
   * everything it waits on, so a resource deviation is the more specific evidence and must not be
   * outshouted by a near-constant latency series whose small spread turns an ordinary wait into
   * hundreds of spreads.
   */
  private double strength(SignalEvidence e) {
    double weight =
        e.measured()
                && SignalScorer.isResource(e.signal())
                && e.deviation() >= settings.onsetThreshold()
            ? settings.resourceWeight()
            : 1.0;
    return weight * Math.max(0.0, e.deviation());
  }

  private double[] walk(
      CallGraph graph, List<String> services, Map<String, Integer> index, double[] anomaly) {
    int n = services.size();
    List<Map<Integer, Double>> rows = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      rows.add(new HashMap<>());
    }
    for (int i = 0; i < n; i++) {
      double maxCallee = 0.0;
      for (String callee : graph.callees(services.get(i))) {
        int j = index.get(callee);
        if (j != i) {
          rows.get(i).merge(j, anomaly[j], Double::sum);
          rows.get(j).merge(i, settings.backwardWeight() * anomaly[i], Double::sum);
          maxCallee = Math.max(maxCallee, anomaly[j]);
        }
      }
      // Stay in proportion to how much more anomalous a service is than its callees: a service
      // with no anomalous callee keeps the walk (MicroRCA's self-edge).
      rows.get(i).merge(i, Math.max(0.0, anomaly[i] - maxCallee), Double::sum);
    }
    return PersonalizedPageRank.compute(rows, anomaly, settings.damping(), settings.rounds());
  }

  private static List<String> explainedCallers(
      CallGraph graph, String service, long[] onset, Map<String, Integer> index) {
    int self = index.get(service);
    if (onset[self] == Long.MAX_VALUE) {
      return List.of();
    }
    List<String> explained = new ArrayList<>();
    Set<String> seen = new HashSet<>(List.of(service));
    Deque<String> queue = new ArrayDeque<>(List.of(service));
    while (!queue.isEmpty()) {
      for (String caller : graph.callers(queue.poll())) {
        Integer c = index.get(caller);
        if (c != null
            && seen.add(caller)
            && onset[c] != Long.MAX_VALUE
            && onset[c] >= onset[self]) {
          explained.add(caller);
          queue.add(caller);
        }
      }
    }
    return explained;
  }

  private static double max(double[] values) {
    double m = 0.0;
    for (double v : values) {
      m = Math.max(m, v);
    }
    return m;
  }
}
