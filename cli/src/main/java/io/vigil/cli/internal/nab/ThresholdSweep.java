package io.vigil.cli.internal.nab;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * NAB's threshold optimisation over a whole corpus (nab/sweeper.py {@code calcScoreByThreshold}):
 * every distinct anomaly score is a candidate threshold, plus 1.1 for "no detections"; the corpus
 * score at a threshold sums, per window, the best detection in it or the miss, and the cost of
 * every detection outside windows. The threshold with the highest score wins; of equal scores the
 * highest threshold wins, as NAB's stable sort keeps it first.
 */
final class ThresholdSweep {

  /** NAB's starting threshold, above every score: nothing is detected. */
  static final double NONE = 1.1;

  private final List<SweepPoints> files;
  private final int[] fileOf;
  private final int[] rowOf;
  private final int[] windowBase;
  private final int windows;

  ThresholdSweep(List<SweepPoints> files) {
    this.files = List.copyOf(files);
    int total = files.stream().mapToInt(f -> f.scores.length).sum();
    int[] file = new int[total];
    int[] row = new int[total];
    double[] score = new double[total];
    windowBase = new int[files.size()];
    int at = 0;
    int base = 0;
    for (int f = 0; f < files.size(); f++) {
      SweepPoints points = files.get(f);
      windowBase[f] = base;
      base += points.scorableWindow.length;
      for (int r = 0; r < points.scores.length; r++, at++) {
        file[at] = f;
        row[at] = r;
        score[at] = points.scores[r];
      }
    }
    windows = base;
    // Highest score first; the order among equal scores does not change any recorded total.
    Integer[] order =
        IntStream.range(0, total)
            .boxed()
            .sorted(Comparator.comparingDouble((Integer i) -> score[i]).reversed())
            .toArray(Integer[]::new);
    fileOf = new int[total];
    rowOf = new int[total];
    for (int i = 0; i < total; i++) {
      fileOf[i] = file[order[i]];
      rowOf[i] = row[order[i]];
    }
  }

  /**
   * The best threshold for a profile.
   *
   * @return the threshold and its raw corpus score, and the score with no detections
   */
  Best best(NabProfile profile) {
    double[] windowBest = new double[windows];
    Arrays.fill(windowBest, Double.NaN);
    double total = 0;
    for (int f = 0; f < files.size(); f++) {
      boolean[] scorable = files.get(f).scorableWindow;
      for (int w = 0; w < scorable.length; w++) {
        if (scorable[w]) {
          windowBest[windowBase[f] + w] = -profile.fnWeight();
          total -= profile.fnWeight();
        }
      }
    }
    double none = total;
    double threshold = NONE;
    double bestThreshold = NONE;
    double bestScore = none;
    for (int i = 0; i < fileOf.length; i++) {
      SweepPoints points = files.get(fileOf[i]);
      int row = rowOf[i];
      double score = points.scores[row];
      if (score != threshold) {
        if (total > bestScore) {
          bestScore = total;
          bestThreshold = threshold;
        }
        threshold = score;
      }
      double weight = points.weight(row, profile);
      int w = points.window[row];
      if (w < 0) {
        total += weight;
      } else if (weight > windowBest[windowBase[fileOf[i]] + w]) {
        total += weight - windowBest[windowBase[fileOf[i]] + w];
        windowBest[windowBase[fileOf[i]] + w] = weight;
      }
    }
    if (total > bestScore) {
      bestScore = total;
      bestThreshold = threshold;
    }
    return new Best(bestThreshold, bestScore, none);
  }

  /**
   * The outcome of a sweep.
   *
   * @param threshold the best threshold, {@link #NONE} when detecting nothing is best
   * @param score the raw corpus score at that threshold
   * @param none the raw corpus score with no detections: what NAB's null detector scores
   */
  record Best(double threshold, double score, double none) {}
}
