package io.vigil.detect;

import java.util.Arrays;

/**
 * Scores each point against the points seen at the same phase of earlier seasons: the same hour of
 * the day (season 1d, bucket 1h), the same day of the week (season 7d, bucket 1d), or any period
 * cut into equal buckets.
 *
 * <p>A point's bucket is {@code floorMod(timestamp, season) / bucket}, with timestamps in UTC epoch
 * milliseconds. Each bucket keeps a ring buffer of the last {@code history} points that fell into
 * it (with one point per bucket per season, the last {@code history} seasons). The point is scored
 * before it joins its bucket, either robustly (median and MAD scaled by 1.4826) or by mean and
 * standard deviation; a bucket with fewer than {@code minPoints} points is warming up, and one with
 * zero spread decides nothing.
 *
 * <p>Memory: {@code season / bucket} ring buffers of {@code history} doubles, plus one scratch
 * array of {@code history} doubles.
 */
public final class SeasonalDetector extends StreamingDetector {

  private static final double SQRT2 = Math.sqrt(2.0);

  /** How a bucket's centre and spread are measured. */
  public enum Method {
    /** Median and median absolute deviation (times 1.4826): unmoved by past anomalies. */
    ROBUST,
    /** Mean and population standard deviation. */
    ZSCORE
  }

  private final long seasonMillis;
  private final long bucketMillis;
  private final double threshold;
  private final int minPoints;
  private final Method method;
  private final double[][] rings;
  private final int[] sizes;
  private final int[] nexts;
  private final double[] scratch;

  /**
   * Creates a detector.
   *
   * @param seasonMillis the period, a whole multiple of {@code bucketMillis}
   * @param bucketMillis the width of one bucket, greater than 0
   * @param history how many past points each bucket keeps, at least 2
   * @param threshold how many (robust) standard deviations make an anomaly, greater than 0
   * @param minPoints points a bucket needs before it scores, 2 to {@code history}
   * @param method how centre and spread are measured
   */
  public SeasonalDetector(
      long seasonMillis,
      long bucketMillis,
      int history,
      double threshold,
      int minPoints,
      Method method) {
    if (bucketMillis <= 0 || seasonMillis <= 0 || seasonMillis % bucketMillis != 0) {
      throw new IllegalArgumentException(
          "season must be a positive whole multiple of bucket but was season="
              + seasonMillis
              + "ms bucket="
              + bucketMillis
              + "ms");
    }
    long buckets = seasonMillis / bucketMillis;
    if (buckets > 100_000) {
      throw new IllegalArgumentException(
          "season / bucket must be at most 100000 buckets but was " + buckets);
    }
    if (history < 2) {
      throw new IllegalArgumentException("history must be >= 2 but was " + history);
    }
    if (!(threshold > 0) || !Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be a number > 0 but was " + threshold);
    }
    if (minPoints < 2 || minPoints > history) {
      throw new IllegalArgumentException(
          "minPoints must be in [2, " + history + "] but was " + minPoints);
    }
    this.seasonMillis = seasonMillis;
    this.bucketMillis = bucketMillis;
    this.threshold = threshold;
    this.minPoints = minPoints;
    this.method = method;
    this.rings = new double[(int) buckets][];
    this.sizes = new int[(int) buckets];
    this.nexts = new int[(int) buckets];
    this.scratch = new double[history];
  }

  /** How many buckets one season is cut into. */
  public int buckets() {
    return rings.length;
  }

  @Override
  protected Verdict accept(long timestampMillis, double value) {
    int bucket = (int) (Math.floorMod(timestampMillis, seasonMillis) / bucketMillis);
    Verdict verdict = score(bucket, value);
    learn(bucket, value);
    return verdict;
  }

  private Verdict score(int bucket, double value) {
    int size = sizes[bucket];
    if (size < minPoints) {
      return Verdict.warmingUp();
    }
    double[] ring = rings[bucket];
    double centre;
    double spread;
    if (method == Method.ROBUST) {
      System.arraycopy(ring, 0, scratch, 0, size);
      Arrays.sort(scratch, 0, size);
      centre = median(scratch, size);
      for (int i = 0; i < size; i++) {
        scratch[i] = Math.abs(scratch[i] - centre);
      }
      Arrays.sort(scratch, 0, size);
      spread = 1.4826 * median(scratch, size);
    } else {
      double sum = 0;
      for (int i = 0; i < size; i++) {
        sum += ring[i];
      }
      centre = sum / size;
      double squares = 0;
      for (int i = 0; i < size; i++) {
        squares += (ring[i] - centre) * (ring[i] - centre);
      }
      spread = Math.sqrt(squares / size);
    }
    if (!(spread > Math.ulp(centre) * 4)) {
      return Verdict.undecided(VerdictReason.NO_VARIATION);
    }
    double z = Math.abs(value - centre) / spread;
    double band = threshold * spread;
    double score = Math.min(1.0, Math.max(0.0, FastErf.erf(z / SQRT2)));
    return Verdict.scored(score, z > threshold, centre, centre - band, centre + band);
  }

  private static double median(double[] sorted, int size) {
    int mid = size / 2;
    return size % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private void learn(int bucket, double value) {
    double[] ring = rings[bucket];
    if (ring == null) {
      // Buckets are allocated on first use, so a sparse season costs only what it holds.
      ring = new double[scratch.length];
      rings[bucket] = ring;
    }
    ring[nexts[bucket]] = value;
    nexts[bucket] = (nexts[bucket] + 1) % ring.length;
    if (sizes[bucket] < ring.length) {
      sizes[bucket]++;
    }
  }
}
