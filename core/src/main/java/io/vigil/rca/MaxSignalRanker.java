package io.vigil.rca;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The baselines of the RCA literature: score every signal on its own, rank the signals, and rank
 * each service at its strongest signal. {@link #baro()} is BARO's robust scoring, {@link #nsigma()}
 * the n-sigma rule; neither looks at the graph or at onsets.
 */
public final class MaxSignalRanker implements RootCauseRanker {

  private final SignalScorer scorer;

  private MaxSignalRanker(SignalScorer scorer) {
    this.scorer = scorer;
  }

  /** BARO (Pham et al., FSE 2024): median and IQR of the normal window. */
  public static MaxSignalRanker baro() {
    return new MaxSignalRanker(SignalScorer.baro());
  }

  /** N-sigma: mean and standard deviation of the normal window. */
  public static MaxSignalRanker nsigma() {
    return new MaxSignalRanker(SignalScorer.nsigma());
  }

  @Override
  public List<RankedCause> rank(Incident incident) {
    List<SignalEvidence> all = new ArrayList<>();
    for (MetricSeries series : incident.series()) {
      all.add(scorer.score(series, incident.startMillis(), incident.endMillis()));
    }
    incident.anomalies().forEach(a -> all.add(SignalEvidence.of(a)));
    all.sort(Comparator.comparingDouble(SignalEvidence::deviation).reversed());
    Map<String, List<SignalEvidence>> byService = new LinkedHashMap<>();
    for (SignalEvidence evidence : all) {
      byService.computeIfAbsent(evidence.service(), s -> new ArrayList<>()).add(evidence);
    }
    incident.graph().services().forEach(s -> byService.computeIfAbsent(s, k -> new ArrayList<>()));
    List<RankedCause> ranked = new ArrayList<>(byService.size());
    byService.forEach(
        (service, evidence) -> {
          double score = evidence.isEmpty() ? 0.0 : evidence.get(0).deviation();
          long onset =
              evidence.stream().mapToLong(SignalEvidence::onsetMillis).min().orElse(Long.MAX_VALUE);
          ranked.add(new RankedCause(service, score, evidence, List.of(), onset));
        });
    return ranked;
  }
}
