package io.vigil.cli.internal.nab;

import java.util.Arrays;
import java.util.List;

/**
 * One file's rows as NAB's sweep sees them (nab/sweeper.py {@code calcSweepScore}): for each row
 * after probation, its anomaly score, the window it lies in (or none), and its unweighted value as
 * a detection.
 *
 * <p>In a window a detection is worth {@code scaledSigmoid(-(end - i + 1) / width)} times the
 * true-positive weight over {@code MAX_TP}; outside, {@code scaledSigmoid(|prevEnd - i| /
 * (prevWidth - 1))} times the false-positive weight, where prev is the last window that ended
 * before the row, and -1 when there is none. A window of one row followed by a detection gives
 * {@code +inf} there, which the sigmoid clamps to -1 (NAB divides by zero).
 */
final class SweepPoints {

  final NabSeries series;
  final double[] scores;
  final int[] window;
  final double[] unweighted;
  final boolean[] scorableWindow;

  private SweepPoints(
      NabSeries series,
      double[] scores,
      int[] window,
      double[] unweighted,
      boolean[] scorableWindow) {
    this.series = series;
    this.scores = scores;
    this.window = window;
    this.unweighted = unweighted;
    this.scorableWindow = scorableWindow;
  }

  /** Rows are indexed from {@link NabSeries#probation()}; {@code window} is -1 outside windows. */
  static SweepPoints of(NabSeries series, double[] scores) {
    List<NabWindow> windows = series.windows();
    int first = series.probation();
    int n = series.rows() - first;
    int[] window = new int[n];
    double[] unweighted = new double[n];
    boolean[] scorable = new boolean[windows.size()];
    int next = 0;
    int current = -1;
    NabWindow previous = null;
    for (int i = 0; i < series.rows(); i++) {
      if (next < windows.size() && windows.get(next).start() == i) {
        current = next++;
      }
      double value;
      if (current >= 0) {
        NabWindow w = windows.get(current);
        value = ScaledSigmoid.of(-(w.end() - i + 1) / (double) w.width());
      } else if (previous == null) {
        value = -1.0;
      } else {
        value = ScaledSigmoid.of(Math.abs(previous.end() - i) / (double) (previous.width() - 1));
      }
      if (i >= first) {
        window[i - first] = current;
        unweighted[i - first] = value;
        if (current >= 0) {
          scorable[current] = true;
        }
      }
      if (current >= 0 && windows.get(current).end() == i) {
        previous = windows.get(current);
        current = -1;
      }
    }
    double[] scored = new double[n];
    System.arraycopy(scores, first, scored, 0, n);
    return new SweepPoints(series, scored, window, unweighted, scorable);
  }

  /** How many windows have at least one row after probation: the windows that can be missed. */
  int scorableWindows() {
    int count = 0;
    for (boolean s : scorableWindow) {
      count += s ? 1 : 0;
    }
    return count;
  }

  /** A row's weighted value as a detection under a profile. */
  double weight(int row, NabProfile profile) {
    // Same order of operations as NAB, so sums agree to the last bit where they can.
    return window[row] >= 0
        ? unweighted[row] * profile.tpWeight() / ScaledSigmoid.MAX_TP
        : unweighted[row] * profile.fpWeight();
  }

  /** This file's score and counts when every row scoring at least {@code threshold} is detected. */
  FileScore scoreAt(double threshold, NabProfile profile) {
    double[] best = new double[scorableWindow.length];
    Arrays.fill(best, -profile.fnWeight());
    double fp = 0;
    long tp = 0;
    long fpCount = 0;
    long fn = 0;
    long tn = 0;
    for (int row = 0; row < scores.length; row++) {
      boolean detected = scores[row] >= threshold;
      int w = window[row];
      if (w >= 0) {
        if (detected) {
          tp++;
          best[w] = Math.max(best[w], weight(row, profile));
        } else {
          fn++;
        }
      } else if (detected) {
        fpCount++;
        fp += weight(row, profile);
      } else {
        tn++;
      }
    }
    double score = fp;
    for (int w = 0; w < best.length; w++) {
      if (scorableWindow[w]) {
        score += best[w];
      }
    }
    return new FileScore(series.key(), score, tp, fpCount, fn, tn);
  }
}
