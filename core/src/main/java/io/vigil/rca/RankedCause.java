package io.vigil.rca;

import java.util.List;
import java.util.Objects;

/**
 * One candidate root cause with its score and the evidence a person would check.
 *
 * @param service the candidate service
 * @param score the ranking score; higher is more likely (comparable within one ranking only)
 * @param evidence the service's signals that moved, strongest first
 * @param explainedCallers anomalous services that call this one, directly or through other
 *     anomalous services, and whose anomalies started no earlier than this one's
 * @param onsetMillis the earliest onset among the evidence, {@code Long.MAX_VALUE} when none moved
 */
public record RankedCause(
    String service,
    double score,
    List<SignalEvidence> evidence,
    List<String> explainedCallers,
    long onsetMillis) {

  /** Copies the lists. */
  public RankedCause {
    Objects.requireNonNull(service, "service");
    evidence = List.copyOf(evidence);
    explainedCallers = List.copyOf(explainedCallers);
  }
}
