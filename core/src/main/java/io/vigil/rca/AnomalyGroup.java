package io.vigil.rca;

import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Anomalies grouped into one incident by {@link IncidentGrouper}.
 *
 * @param anomalies the anomalies kept, in arrival order (at most the grouper's cap)
 * @param services every service that had an anomaly in the group, sorted by name
 * @param firstMillis the earliest onset
 * @param lastMillis the latest onset
 * @param dropped anomalies that arrived beyond the cap: counted, not kept
 */
public record AnomalyGroup(
    List<Anomaly> anomalies,
    Set<String> services,
    long firstMillis,
    long lastMillis,
    long dropped) {

  /** Copies the collections. */
  public AnomalyGroup {
    anomalies = List.copyOf(anomalies);
    services = Collections.unmodifiableSortedSet(new TreeSet<>(services));
  }
}
