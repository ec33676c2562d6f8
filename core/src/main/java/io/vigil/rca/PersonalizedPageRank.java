package io.vigil.rca;

import java.util.Arrays;

/**
 * Power iteration of a personalized PageRank on a small weighted directed graph given as a dense
 * weight matrix: {@code weights[i][j]} is the weight of the step i -> j. A node whose outgoing
 * weights are all zero jumps back to the personalization vector.
 */
final class PersonalizedPageRank {

  private PersonalizedPageRank() {}

  /**
   * The stationary distribution of the walk that follows an edge with probability {@code damping}
   * and restarts from {@code personalization} otherwise.
   */
  static double[] compute(
      double[][] weights, double[] personalization, double damping, int rounds) {
    int n = personalization.length;
    double[] restart = normalized(personalization);
    double[][] transition = new double[n][];
    for (int i = 0; i < n; i++) {
      double total = Arrays.stream(weights[i]).sum();
      transition[i] = total > 0.0 ? scaled(weights[i], 1.0 / total) : null;
    }
    double[] rank = restart.clone();
    double[] next = new double[n];
    for (int round = 0; round < rounds; round++) {
      double dangling = 0.0;
      Arrays.fill(next, 0.0);
      for (int i = 0; i < n; i++) {
        if (transition[i] == null) {
          dangling += rank[i];
          continue;
        }
        double[] row = transition[i];
        for (int j = 0; j < n; j++) {
          next[j] += damping * rank[i] * row[j];
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
    if (!(total > 0.0)) {
      double[] uniform = new double[values.length];
      Arrays.fill(uniform, 1.0 / Math.max(1, values.length));
      return uniform;
    }
    return scaled(values, 1.0 / total);
  }

  private static double[] scaled(double[] values, double factor) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i] * factor;
    }
    return out;
  }
}
