package io.vigil.detect;

import java.util.Random;

/**
 * An isolation forest (Liu, Ting and Zhou, "Isolation Forest", ICDM 2008): random axis-parallel
 * splits isolate outliers in fewer steps than normal points.
 *
 * <p>Each tree is grown on a subsample of {@code psi} rows without replacement, to the height limit
 * {@code ceil(log2 psi)}; a point's path length is its depth plus {@code c(n)} for the {@code n}
 * training rows left unsplit at its leaf; the score is {@code 2^(-E[h] / c(psi))}. Trees are stored
 * as flat arrays: at most {@code 2 psi - 1} nodes each.
 */
final class IsolationForest {

  private static final double EULER = 0.5772156649015329;

  private final int[][] feature;
  private final double[][] split;
  private final int[][] left;
  private final int[][] right;
  private final int[][] leafSize;
  private final double normaliser;
  private int nodes;

  private IsolationForest(int trees, int psi) {
    int maxNodes = 2 * psi - 1;
    feature = new int[trees][maxNodes];
    split = new double[trees][maxNodes];
    left = new int[trees][maxNodes];
    right = new int[trees][maxNodes];
    leafSize = new int[trees][maxNodes];
    normaliser = c(psi);
  }

  /**
   * Grows a forest on rows {@code 0..size-1} of {@code data}.
   *
   * @param data training rows
   * @param size how many rows hold data, at least 2
   * @param trees number of trees
   * @param subsample rows per tree (capped at {@code size})
   * @param random the source of randomness, seeded by the caller for reproducibility
   */
  static IsolationForest grow(double[][] data, int size, int trees, int subsample, Random random) {
    int psi = Math.min(subsample, size);
    IsolationForest forest = new IsolationForest(trees, psi);
    int heightLimit = (int) Math.ceil(Math.log(psi) / Math.log(2));
    int[] rows = new int[size];
    for (int t = 0; t < trees; t++) {
      for (int i = 0; i < size; i++) {
        rows[i] = i;
      }
      // Partial Fisher-Yates: the first psi entries become a sample without replacement.
      for (int i = 0; i < psi; i++) {
        int j = i + random.nextInt(size - i);
        int tmp = rows[i];
        rows[i] = rows[j];
        rows[j] = tmp;
      }
      forest.nodes = 0;
      forest.build(t, data, rows, 0, psi, 0, heightLimit, random);
    }
    return forest;
  }

  private int build(
      int t, double[][] data, int[] rows, int from, int to, int depth, int limit, Random random) {
    int node = nodes++;
    int n = to - from;
    left[t][node] = -1;
    leafSize[t][node] = n;
    if (depth >= limit || n <= 1) {
      return node;
    }
    int dims = data[rows[from]].length;
    // Pick a feature that varies among these rows; if none does, the node is a leaf.
    int start = random.nextInt(dims);
    for (int k = 0; k < dims; k++) {
      int f = (start + k) % dims;
      double min = Double.POSITIVE_INFINITY;
      double max = Double.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        double v = data[rows[i]][f];
        min = Math.min(min, v);
        max = Math.max(max, v);
      }
      if (max > min) {
        double r = random.nextDouble();
        double gap = max - min;
        // Past the largest double's half, a gap overflows: take the convex combination instead.
        double p = Double.isInfinite(gap) ? min * (1 - r) + max * r : min + r * gap;
        int mid = partition(data, rows, from, to, f, p);
        if (mid == from) {
          // Rounding put p on min: split half way instead, which separates min from max.
          p = Double.isInfinite(gap) ? min * 0.5 + max * 0.5 : min + gap / 2;
          mid = partition(data, rows, from, to, f, p);
        }
        if (mid == from || mid == to) {
          continue;
        }
        feature[t][node] = f;
        split[t][node] = p;
        left[t][node] = build(t, data, rows, from, mid, depth + 1, limit, random);
        right[t][node] = build(t, data, rows, mid, to, depth + 1, limit, random);
        return node;
      }
    }
    return node;
  }

  private static int partition(double[][] data, int[] rows, int from, int to, int f, double p) {
    int mid = from;
    for (int i = from; i < to; i++) {
      if (data[rows[i]][f] < p) {
        int tmp = rows[i];
        rows[i] = rows[mid];
        rows[mid] = tmp;
        mid++;
      }
    }
    return mid;
  }

  /** The anomaly score {@code 2^(-E[h(x)] / c(psi))} in (0, 1]: near 1 is isolated quickly. */
  double score(double[] x) {
    double total = 0;
    for (int t = 0; t < feature.length; t++) {
      int node = 0;
      int depth = 0;
      while (left[t][node] >= 0) {
        node = x[feature[t][node]] < split[t][node] ? left[t][node] : right[t][node];
        depth++;
      }
      total += depth + c(leafSize[t][node]);
    }
    double mean = total / feature.length;
    return normaliser > 0 ? Math.pow(2, -mean / normaliser) : 0.5;
  }

  /** Average path length of an unsuccessful search in a binary search tree of n points. */
  static double c(int n) {
    if (n <= 1) {
      return 0;
    }
    if (n == 2) {
      return 1;
    }
    double harmonic = Math.log(n - 1) + EULER;
    return 2 * harmonic - 2.0 * (n - 1) / n;
  }
}
