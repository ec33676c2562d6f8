package io.vigil.live;

import java.util.Objects;

/**
 * How closely one of a candidate's signals followed the incident's symptom: the Pearson correlation
 * of the two series over the analyzer's recent history, aligned on timestamps within one step
 * ({@link io.vigil.rca.SeriesCorrelation}).
 *
 * @param symptomService the symptom: the most upstream anomalous service of the incident
 * @param signal the candidate's signal
 * @param pearson the correlation in [-1, 1]; NaN when fewer than three points align or a side is
 *     constant
 * @param symptomSignal the symptom's signal it was correlated with (the one that moved most)
 */
public record SymptomCorrelation(
    String symptomService, String signal, double pearson, String symptomSignal) {

  /** Checks the names. */
  public SymptomCorrelation {
    Objects.requireNonNull(symptomService, "symptomService");
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(symptomSignal, "symptomSignal");
  }
}
