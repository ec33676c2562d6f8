package io.vigil.otel.internal;

import java.util.Arrays;

/**
 * Latencies of one step in log-linear buckets: four linear sub-buckets per power of two of
 * microseconds (at most 25% wide, so a percentile is within 12.5% of the truth), from 1 µs to 71
 * minutes; longer latencies fall in the last bucket. Recording is O(1) and allocates nothing; the
 * counts live in 124 ints allocated on the first record.
 */
final class LatencyHistogram {

  private static final int SUB_BITS = 2;
  private static final int SUBS = 1 << SUB_BITS;
  private static final int MAX_OCTAVE = 31;
  static final int BUCKETS = SUBS + (MAX_OCTAVE - SUB_BITS + 1) * SUBS;

  private int[] counts = new int[0];
  private long total;

  /** Records one latency; negative durations count as zero. */
  void record(long nanos) {
    if (counts.length == 0) {
      counts = new int[BUCKETS];
    }
    counts[index(nanos)]++;
    total++;
  }

  /** Number of latencies recorded since the last reset. */
  long count() {
    return total;
  }

  /**
   * The latency in milliseconds at quantile {@code q} (0..1): the midpoint of the bucket holding
   * that rank, NaN when empty.
   */
  double quantileMillis(double q) {
    if (total == 0) {
      return Double.NaN;
    }
    long rank = Math.max(1, (long) Math.ceil(q * total));
    long seen = 0;
    for (int i = 0; i < counts.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return (lowerMicros(i) + upperMicros(i)) / 2000.0;
      }
    }
    return upperMicros(counts.length - 1) / 1000.0;
  }

  /** Forgets every latency, keeping the storage. */
  void reset() {
    if (total != 0) {
      Arrays.fill(counts, 0);
      total = 0;
    }
  }

  static int index(long nanos) {
    long micros = nanos <= 0 ? 0 : nanos / 1000;
    if (micros < SUBS) {
      return (int) micros;
    }
    int octave = 63 - Long.numberOfLeadingZeros(micros);
    if (octave > MAX_OCTAVE) {
      return BUCKETS - 1;
    }
    int sub = (int) (micros >>> (octave - SUB_BITS)) & (SUBS - 1);
    return SUBS + (octave - SUB_BITS) * SUBS + sub;
  }

  static double lowerMicros(int index) {
    if (index < SUBS) {
      return index;
    }
    int octave = (index - SUBS) / SUBS + SUB_BITS;
    int sub = (index - SUBS) % SUBS;
    return (double) (SUBS + sub) * (1L << (octave - SUB_BITS));
  }

  static double upperMicros(int index) {
    return index < SUBS ? index + 1 : lowerMicros(index) + (1L << ((index - SUBS) / SUBS));
  }
}
