package io.vigil.rca;

import java.util.List;
import java.util.Objects;

/**
 * What is known about one incident: the call graph, the anomalies reported, and the metric series
 * around it. Series points before {@code startMillis} are the normal window, points from it to
 * {@code endMillis} the anomalous one. Any part may be empty.
 *
 * @param graph the call graph, caller -> callee
 * @param anomalies anomalies (alerts) reported during the incident
 * @param series metric series spanning the normal and the anomalous window
 * @param startMillis when the incident started: the end of the normal window
 * @param endMillis end of the anomalous window, inclusive ({@code Long.MAX_VALUE} for open)
 */
public record Incident(
    CallGraph graph,
    List<Anomaly> anomalies,
    List<MetricSeries> series,
    long startMillis,
    long endMillis) {

  /** Copies the lists and checks the window. */
  public Incident {
    Objects.requireNonNull(graph, "graph");
    anomalies = List.copyOf(anomalies);
    series = List.copyOf(series);
    if (endMillis < startMillis) {
      throw new IllegalArgumentException(
          "endMillis " + endMillis + " is before startMillis " + startMillis);
    }
  }

  /** An incident from alerts only, starting at the earliest onset (0 when there are none). */
  public static Incident ofAnomalies(CallGraph graph, List<Anomaly> anomalies) {
    long start = anomalies.stream().mapToLong(Anomaly::onsetMillis).min().orElse(0L);
    return new Incident(graph, anomalies, List.of(), start, Long.MAX_VALUE);
  }
}
