package io.vigil.live;

import io.vigil.rca.SignalEvidence;
import java.util.List;
import java.util.Objects;

/**
 * One likely root cause of an incident, with the evidence a person would check.
 *
 * @param rank 1 for the most likely cause
 * @param service the candidate service
 * @param score the ranker's score (comparable within one report only)
 * @param evidence the service's signals that moved, strongest first
 * @param correlations how each of the service's moved signals followed the symptom
 * @param explainedCallers anomalous services calling this one whose anomalies started no earlier
 * @param onsetMillis the earliest onset among the evidence, {@code Long.MAX_VALUE} when none moved
 */
public record ReportedCause(
    int rank,
    String service,
    double score,
    List<SignalEvidence> evidence,
    List<SymptomCorrelation> correlations,
    List<String> explainedCallers,
    long onsetMillis) {

  /** Copies the lists and checks the rank. */
  public ReportedCause {
    Objects.requireNonNull(service, "service");
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be >= 1 but was " + rank);
    }
    evidence = List.copyOf(evidence);
    correlations = List.copyOf(correlations);
    explainedCallers = List.copyOf(explainedCallers);
  }
}
