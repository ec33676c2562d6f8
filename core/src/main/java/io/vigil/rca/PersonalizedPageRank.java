package io.vigil.rca;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Power iteration of a personalized PageRank on a weighted directed graph given as sparse rows:
 * {@code rows.get(i)} maps each j to the weight of the step i -> j. A node whose outgoing weights
 * are all zero jumps back to the personalization vector. Memory is O(nodes + edges).
 */
final class PersonalizedPageRank {

  private PersonalizedPageRank() {}

  /**
   * The stationary distribution of the walk that follows an edge with probability {@code damping}
   * and restarts from {@code personalization} otherwise.
   */
  static double[] compute(
      List<Map<Integer, Double>> rows, double[] personalization, double damping, int rounds) {
    int n = personalization.length;
    double[] restart = normalized(personalization);
    int[][] targets = new int[n][];
    double[][] probabilities = new double[n][];
    for (int i = 0; i < n; i++) {
      Map<Integer, Double> row = rows.get(i);
      double total = row.values().stream().mapToDouble(Double::doubleValue).sum();
      if (!(total > 0.0)) {
        continue;
      }
      targets[i] = new int[row.size()];
      probabilities[i] = new double[row.size()];
      int k = 0;
      for (Map.Entry<Integer, Double> e : row.entrySet()) {
        targets[i][k] = e.getKey();
        probabilities[i][k++] = e.getValue() / total;
      }
    }
    double[] rank = restart.clone();
    double[] next = new double[n];
    for (int round = 0; round < rounds; round++) {
      double dangling = 0.0;
      Arrays.fill(next, 0.0);
      for (int i = 0; i < n; i++) {
        if (targets[i] == null) {
          dangling += rank[i];
          continue;
        }
        double mass = damping * rank[i];
        for (int k = 0; k < targets[i].length; k++) {
          next[targets[i][k]] += mass * probabilities[i][k];
        }
      }
      double restartMass = (1.0 - damping) + damping * dangling;
      for (int j = 0; j < n; j++) {
        next[j] += restartMass * restart[j];
      }
      double[] swap = rank;
      rank = next;
      next = swap;
    }
    return rank;
  }

  private static double[] normalized(double[] values) {
    double total = Arrays.stream(values).sum();
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = total > 0.0 ? values[i] / total : 1.0 / values.length;
    }
    return out;
  }
}
