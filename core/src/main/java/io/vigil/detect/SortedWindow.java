package io.vigil.detect;

import java.util.Arrays;

/**
 * The last {@code capacity} values of a series kept both in arrival order and sorted, so that
 * quantiles are O(1) to read and each new value costs a binary search and one array shift.
 *
 * <p>Memory: two {@code double[capacity]} arrays.
 */
final class SortedWindow {

  private final double[] ring;
  private final double[] sorted;
  private int size;
  private int next;

  SortedWindow(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1 but was " + capacity);
    }
    this.ring = new double[capacity];
    this.sorted = new double[capacity];
  }

  int size() {
    return size;
  }

  boolean full() {
    return size == ring.length;
  }

  /** Adds a value, evicting the oldest one when the window is full. */
  void add(double value) {
    if (size == ring.length) {
      double old = ring[next];
      int at = Arrays.binarySearch(sorted, 0, size, old);
      System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
      size--;
    }
    ring[next] = value;
    next = (next + 1) % ring.length;
    int at = Arrays.binarySearch(sorted, 0, size, value);
    if (at < 0) {
      at = -at - 1;
    }
    System.arraycopy(sorted, at, sorted, at + 1, size - at);
    sorted[at] = value;
    size++;
  }

  /** The q-quantile (0 to 1) by linear interpolation between order statistics; needs a value. */
  double quantile(double q) {
    double pos = q * (size - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(lo + 1, size - 1);
    double frac = pos - lo;
    if (frac == 0) {
      return sorted[lo];
    }
    double gap = sorted[hi] - sorted[lo];
    if (Double.isInfinite(gap)) {
      // Only between values of opposite sign near the largest double: interpolate on halves.
      return 2 * (sorted[lo] * 0.5 + (sorted[hi] * 0.5 - sorted[lo] * 0.5) * frac);
    }
    return sorted[lo] + gap * frac;
  }

  /** The most recent value; needs a value. */
  double last() {
    return ring[(next - 1 + ring.length) % ring.length];
  }
}
