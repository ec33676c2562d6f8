package io.vigil.detect;

/**
 * {@link PatternNovelty}'s idea in under a kilobyte: how far the shape of the recent past is from
 * the nearest of a small codebook of shapes seen before, in units of the series' range.
 *
 * <p>Points are averaged in blocks of {@code block}; when a block closes, the last {@code width}
 * block means (at most 8) are quantised to one byte each against a frame slightly wider than the
 * series' range, packed into one {@code long}, and compared with every code in the book: per block,
 * the difference in units of the range less a dead zone of {@code deadZone}, squared and summed;
 * the novelty is {@code min(1, sqrt(distance / width))}. The book keeps the {@code capacity} shapes
 * most recently seen, in the way of a least-recently-used cache: a shape within {@code match} of a
 * code moves that code to the front, any other goes to the front and the code unused the longest
 * drops out. So a daily cycle stays in the book however long a day is in points, and a new rhythm
 * or a missing cycle stands out.
 *
 * <p>When the range grows past the frame, the frame is widened by an eighth of the range on each
 * side and the book is re-quantised (rare: the frame grows geometrically). Values are summed as
 * eighths and the frame is kept on half-values, so any finite value is taken. Memory: one {@code
 * long[capacity]}, kept most recently used first, and {@code width} doubles.
 */
final class ShapeCodebook {

  /** Returned by {@link #update} while a block is still filling. */
  static final double NONE = -1;

  private static final double MARGIN = 0.125;
  private static final int LEVELS = 255;

  private final int block;
  private final double deadZone;
  private final double match;
  private final double[] means;

  /** Most recently used first. */
  private final long[] codes;

  private int stored;
  private int best = -1;
  private double blockSum;
  private int inBlock;
  private int blocks;
  private double halfMin = Double.POSITIVE_INFINITY;
  private double halfMax = Double.NEGATIVE_INFINITY;
  private double frameLow;
  private double frameHigh;

  ShapeCodebook(int block, int width, int capacity, double deadZone, double match) {
    this.block = block;
    this.deadZone = deadZone;
    this.match = match;
    this.means = new double[width];
    this.codes = new long[capacity];
  }

  /** Adds a value; returns the novelty in [0, 1] when a block closes, {@link #NONE} otherwise. */
  double update(double value) {
    halfMin = Math.min(halfMin, value * 0.5);
    halfMax = Math.max(halfMax, value * 0.5);
    blockSum += value * 0.125;
    if (++inBlock < block) {
      return NONE;
    }
    int width = means.length;
    System.arraycopy(means, 1, means, 0, width - 1);
    means[width - 1] = blockSum / inBlock * 4; // a half-value: eighths times four
    blockSum = 0;
    inBlock = 0;
    if (++blocks < width) {
      return NONE;
    }
    double halfRange = halfMax - halfMin;
    if (halfRange == 0) {
      return 0;
    }
    if (stored == 0 || halfMin < frameLow || halfMax > frameHigh) {
      widen(halfRange);
    }
    long code = encode(means);
    return remember(code, nearest(code, halfRange));
  }

  private void widen(double halfRange) {
    double low = halfMin - MARGIN * halfRange;
    double high = halfMax + MARGIN * halfRange;
    double[] values = new double[means.length];
    for (int j = 0; j < stored; j++) {
      for (int i = 0; i < values.length; i++) {
        values[i] = frameLow + level(codes[j], i) * ((frameHigh - frameLow) / LEVELS);
      }
      codes[j] = encode(values, low, high);
    }
    frameLow = low;
    frameHigh = high;
  }

  private long encode(double[] halfValues) {
    return encode(halfValues, frameLow, frameHigh);
  }

  private static long encode(double[] halfValues, double low, double high) {
    long code = 0;
    for (int i = 0; i < halfValues.length; i++) {
      double position = (halfValues[i] - low) / (high - low) * LEVELS;
      code |= Math.round(Math.max(0, Math.min(LEVELS, position))) << (8 * i);
    }
    return code;
  }

  private static int level(long code, int i) {
    return (int) ((code >>> (8 * i)) & 0xFF);
  }

  private double nearest(long code, double halfRange) {
    double levelInRanges = (frameHigh - frameLow) / LEVELS / halfRange;
    double bestDistance = Double.POSITIVE_INFINITY;
    best = -1;
    for (int j = 0; j < stored; j++) {
      long other = codes[j];
      double distance = 0;
      for (int i = 0; i < means.length && distance < bestDistance; i++) {
        double d = Math.abs(level(code, i) - level(other, i)) * levelInRanges - deadZone;
        if (d > 0) {
          distance += d * d;
        }
      }
      if (distance < bestDistance) {
        bestDistance = distance;
        best = j;
      }
    }
    return bestDistance;
  }

  private double remember(long code, double distance) {
    // Move to front: a matched code from where it was, a new one from past the end (dropping the
    // least recently used when the book is full).
    boolean matched = best >= 0 && distance <= match;
    int from = matched ? best : Math.min(stored, codes.length - 1);
    long front = matched ? codes[best] : code;
    if (!matched && stored < codes.length) {
      stored++;
    }
    System.arraycopy(codes, 0, codes, 1, from);
    codes[0] = front;
    return Double.isInfinite(distance) ? 0 : Math.min(1, Math.sqrt(distance / means.length));
  }
}
