package io.vigil.detect;

/**
 * How new the shape of the recent past is: the distance from the last {@code width} block means to
 * the nearest of the last {@code memory} such patterns, in units of the series' range so far.
 *
 * <p>Points are averaged in blocks of {@code block}; once a block closes, the pattern of the last
 * {@code width} block means is compared with every stored pattern (Euclidean distance per block,
 * each block's difference reduced by a dead zone of {@code deadZone} of the range, so that noise
 * does not count as novelty), then stored. This is the nearest-neighbour idea behind NAB's knncad
 * and ARTime detectors: a level shift, a new rhythm or a missing cycle leaves a pattern the
 * detector has not seen.
 *
 * <p>Memory: {@code memory * width + width} doubles.
 */
final class PatternNovelty {

  /** Returned by {@link #update} while a block is still filling. */
  static final double NONE = -1;

  private final int block;
  private final double deadZone;
  private final double[] pattern;
  private final double[][] store;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;
  private double blockSum;
  private int inBlock;
  private int blocks;
  private int stored;
  private int next;

  PatternNovelty(int block, int width, int memory, double deadZone) {
    this.block = block;
    this.deadZone = deadZone;
    this.pattern = new double[width];
    this.store = new double[memory][width];
  }

  /** Adds a value; returns the novelty in [0, 1] when a block closes, {@link #NONE} otherwise. */
  double update(double value) {
    min = Math.min(min, value);
    max = Math.max(max, value);
    // An eighth of each value (exact) so that a block of the largest doubles cannot overflow.
    blockSum += value * 0.125;
    if (++inBlock < block) {
      return NONE;
    }
    int width = pattern.length;
    System.arraycopy(pattern, 1, pattern, 0, width - 1);
    pattern[width - 1] = blockSum / inBlock * 8;
    blockSum = 0;
    inBlock = 0;
    if (++blocks < width) {
      return NONE;
    }
    double novelty = nearest();
    System.arraycopy(pattern, 0, store[next], 0, width);
    next = (next + 1) % store.length;
    stored = Math.min(stored + 1, store.length);
    return novelty;
  }

  private double nearest() {
    double halfRange = max * 0.5 - min * 0.5;
    if (stored == 0 || halfRange == 0) {
      return 0;
    }
    double best = Double.POSITIVE_INFINITY;
    for (int i = 0; i < stored && best > 0; i++) {
      double[] other = store[i];
      double distance = 0;
      for (int k = 0; k < pattern.length && distance < best; k++) {
        double d = Math.abs(other[k] * 0.5 - pattern[k] * 0.5) / halfRange - deadZone;
        if (d > 0) {
          distance += d * d;
        }
      }
      best = Math.min(best, distance);
    }
    return Math.min(1, Math.sqrt(best / pattern.length));
  }
}
