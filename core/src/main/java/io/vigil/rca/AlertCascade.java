package io.vigil.rca;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Alert-cascade detection: alerts that follow one another within a time window form a cascade, in
 * onset order; a cascade needs at least two distinct services, since one service alerting on
 * several signals is not a cascade.
 */
public final class AlertCascade {

  private AlertCascade() {}

  /**
   * Splits the anomalies, by onset, into cascades: a new one starts whenever the gap to the
   * previous onset exceeds {@code windowMillis}. Returns only groups with two or more services.
   */
  public static List<List<Anomaly>> detect(List<Anomaly> anomalies, long windowMillis) {
    if (windowMillis < 0) {
      throw new IllegalArgumentException("windowMillis must be >= 0 but was " + windowMillis);
    }
    List<Anomaly> sorted = new ArrayList<>(anomalies);
    sorted.sort(Comparator.comparingLong(Anomaly::onsetMillis));
    List<List<Anomaly>> cascades = new ArrayList<>();
    List<Anomaly> current = new ArrayList<>();
    for (Anomaly a : sorted) {
      if (!current.isEmpty()
          && a.onsetMillis() - current.get(current.size() - 1).onsetMillis() > windowMillis) {
        keepIfCascade(current, cascades);
        current = new ArrayList<>();
      }
      current.add(a);
    }
    keepIfCascade(current, cascades);
    return cascades;
  }

  private static void keepIfCascade(List<Anomaly> group, List<List<Anomaly>> cascades) {
    if (group.stream().map(Anomaly::service).distinct().count() >= 2) {
      cascades.add(List.copyOf(group));
    }
  }
}
