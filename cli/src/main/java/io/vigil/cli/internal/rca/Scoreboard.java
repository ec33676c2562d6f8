package io.vigil.cli.internal.rca;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * AC@k and Avg@5 at service level: AC@k is the share of cases whose true service is among the top
 * k, Avg@5 the mean of AC@1 to AC@5. Kept per fault type and overall.
 */
final class Scoreboard {

  static final int DEPTH = 5;

  private final Map<String, List<Integer>> ranksByFault = new TreeMap<>();
  private final Map<String, List<Integer>> ranksByGroup = new TreeMap<>();
  private final List<Integer> ranks = new ArrayList<>();

  /** Records one case: the 1-based rank of the true service, 0 when it was not ranked. */
  void add(String faultType, int rank) {
    ranksByFault.computeIfAbsent(faultType, f -> new ArrayList<>()).add(rank);
    ranks.add(rank);
  }

  /** Records one case that also counts in a row of its own, after the fault types. */
  void add(String faultType, String group, int rank) {
    add(faultType, rank);
    if (!group.isEmpty()) {
      ranksByGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(rank);
    }
  }

  /** Share of cases ranked within the top {@code k}. */
  static double accuracyAt(List<Integer> ranks, int k) {
    if (ranks.isEmpty()) {
      return 0.0;
    }
    long hits = ranks.stream().filter(r -> r >= 1 && r <= k).count();
    return (double) hits / ranks.size();
  }

  /** Mean of AC@1 to AC@5. */
  static double average5(List<Integer> ranks) {
    double sum = 0.0;
    for (int k = 1; k <= DEPTH; k++) {
      sum += accuracyAt(ranks, k);
    }
    return sum / DEPTH;
  }

  static String line(List<Integer> ranks) {
    return String.format(
        Locale.ROOT,
        "AC@1=%.2f AC@3=%.2f Avg@5=%.2f cases=%d",
        accuracyAt(ranks, 1),
        accuracyAt(ranks, 3),
        average5(ranks),
        ranks.size());
  }

  /** One line per fault type, one per group, then the overall line. */
  List<String> lines() {
    List<String> lines = new ArrayList<>();
    ranksByFault.forEach((fault, r) -> lines.add(fault + " " + line(r)));
    ranksByGroup.forEach((group, r) -> lines.add(group + " " + line(r)));
    lines.add(line(ranks));
    return lines;
  }
}
