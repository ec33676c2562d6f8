package io.vigil.detect;

/**
 * {@link SurpriseCalibration}'s idea in a few dozen bytes: a surprise divided by the second largest
 * of its own last {@code blocks * blockLength} values (the 99.9th percentile of the last 1,000 when
 * that is 10 blocks of 100), so that 1 means "as surprising as the rarest recent 0.1%".
 *
 * <p>Exact for the second largest: the values are cut into blocks, each remembered by its two
 * largest values, and the two largest over the stored blocks and the current one are the two
 * largest of the whole history. Memory: two {@code float[blocks]} (values past {@code
 * Float.MAX_VALUE} are held there), a few doubles.
 */
final class TopTwoCalibration {

  private final float[] first;
  private final float[] second;
  private final int blockLength;
  private final double floor;
  private final int minHistory;
  private int blocks;
  private int next;
  private int inBlock;
  private long seen;
  private double blockFirst;
  private double blockSecond;
  private double storedFirst;
  private double storedSecond;

  /**
   * A calibration over {@code blocks * blockLength} values that answers 0 until it has seen {@code
   * minHistory} values.
   */
  TopTwoCalibration(int blocks, int blockLength, double floor, int minHistory) {
    this.minHistory = minHistory;
    this.first = new float[blocks];
    this.second = new float[blocks];
    this.blockLength = blockLength;
    this.floor = floor;
  }

  /** The surprise relative to the reference of the values before it, then learns it. */
  double update(double surprise) {
    double relative = 0;
    if (seen >= minHistory) {
      double reference = Math.max(floor, reference());
      relative = reference > 0 ? surprise / reference : 0;
    }
    seen++;
    double held = Math.min(surprise, Float.MAX_VALUE);
    if (held > blockFirst) {
      blockSecond = blockFirst;
      blockFirst = held;
    } else if (held > blockSecond) {
      blockSecond = held;
    }
    if (++inBlock == blockLength) {
      closeBlock();
    }
    return relative;
  }

  /** The second largest value of the history (stored blocks and the current one). */
  double reference() {
    return Math.max(Math.min(storedFirst, blockFirst), Math.max(storedSecond, blockSecond));
  }

  private void closeBlock() {
    first[next] = (float) blockFirst;
    second[next] = (float) blockSecond;
    next = (next + 1) % first.length;
    blocks = Math.min(blocks + 1, first.length);
    blockFirst = 0;
    blockSecond = 0;
    inBlock = 0;
    storedFirst = 0;
    storedSecond = 0;
    for (int i = 0; i < blocks; i++) {
      if (first[i] > storedFirst) {
        storedSecond = Math.max(storedFirst, second[i]);
        storedFirst = first[i];
      } else if (first[i] > storedSecond) {
        storedSecond = first[i];
      }
    }
  }
}
