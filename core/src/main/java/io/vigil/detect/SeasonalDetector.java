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
 * zero spread decides nothing. The score is the deviation count through {@link OnsetScore} (the
 * decision stays {@code z > threshold}). Any finite value is taken: a bucket is scored on its
 * values divided by a power of two near their largest magnitude, so nothing overflows.
 *
 * <p>Memory: {@code season / bucket} ring buffers of {@code history} doubles, plus one scratch
 * array of {@code history} doubles.
 */
public final class SeasonalDetector extends StreamingDetector {

  /** How a bucket's centre and spread are measured. */
  public enum Method {
    /** Median and median absolute deviation (times 1.4826): unmoved by past anomalies. */
    ROBUST,
    /** Mean and population standard deviation. */
    ZSCORE
  }

  /** The most values a detector may keep over all its buckets: 80 MB of ring buffers. */
  public static final long MAX_VALUES = 10_000_000;

  /**
   * The settings of a {@link SeasonalDetector}, checked once here.
   *
   * @param seasonMillis the period, a whole multiple of {@code bucketMillis}
   * @param bucketMillis the width of one bucket, greater than 0
   * @param history how many past points each bucket keeps, at least 2; {@code season / bucket *
   *     history} at most {@value #MAX_VALUES}
   * @param threshold how many (robust) standard deviations make an anomaly, greater than 0
   * @param minPoints points a bucket needs before it scores, 2 to {@code history}
   * @param method how centre and spread are measured
   */
  public record Settings(
      long seasonMillis,
      long bucketMillis,
      int history,
      double threshold,
      int minPoints,
      Method method) {

    /** Checks every range, naming the setting, the bound and the value. */
    public Settings {
      if (bucketMillis <= 0 || seasonMillis <= 0 || seasonMillis % bucketMillis != 0) {
        throw SettingCheck.invalid(
            "season",
            "a positive whole multiple of bucket (" + bucketMillis + "ms)",
            seasonMillis + "ms");
      }
      SettingCheck.atLeast("history", history, 2);
      long buckets = seasonMillis / bucketMillis;
      if (buckets > MAX_VALUES / history) {
        throw SettingCheck.invalid(
            "history",
            "at most " + MAX_VALUES + " values over all season / bucket = " + buckets + " buckets",
            history);
      }
      SettingCheck.above("threshold", threshold, 0);
      SettingCheck.within("min-points", minPoints, 2, history);
      java.util.Objects.requireNonNull(method, "method");
    }
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
  private final OnsetScore onset = new OnsetScore();

  /** Creates a detector from checked settings. */
  public SeasonalDetector(Settings settings) {
    this.seasonMillis = settings.seasonMillis();
    this.bucketMillis = settings.bucketMillis();
    this.threshold = settings.threshold();
    this.minPoints = settings.minPoints();
    this.method = settings.method();
    int buckets = (int) (seasonMillis / bucketMillis);
    this.rings = new double[buckets][];
    this.sizes = new int[buckets];
    this.nexts = new int[buckets];
    this.scratch = new double[settings.history()];
  }

  /** Creates a detector; see {@link Settings} for each parameter's range. */
  public SeasonalDetector(
      long seasonMillis,
      long bucketMillis,
      int history,
      double threshold,
      int minPoints,
      Method method) {
    this(new Settings(seasonMillis, bucketMillis, history, threshold, minPoints, method));
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
    // Work on the values divided by a power of two near their largest magnitude (exact), so that
    // no sum, difference or square overflows or underflows whatever finite values the bucket holds.
    double largest = Math.abs(value);
    for (int i = 0; i < size; i++) {
      largest = Math.max(largest, Math.abs(ring[i]));
    }
    int exponent = largest == 0 ? 0 : Math.getExponent(largest);
    double down = Math.scalb(1.0, -exponent);
    double centre;
    double spread;
    if (method == Method.ROBUST) {
      for (int i = 0; i < size; i++) {
        scratch[i] = ring[i] * down;
      }
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
        sum += ring[i] * down;
      }
      centre = sum / size;
      double squares = 0;
      for (int i = 0; i < size; i++) {
        double d = ring[i] * down - centre;
        squares += d * d;
      }
      spread = Math.sqrt(squares / size);
    }
    if (!(spread > Math.ulp(centre) * 4)) {
      return Verdict.undecided(VerdictReason.NO_VARIATION);
    }
    double z = Math.abs(value * down - centre) / spread;
    double band = threshold * spread;
    double up = Math.scalb(1.0, exponent);
    return Verdict.scored(
        onset.score(z),
        z > threshold,
        held(centre * up),
        held((centre - band) * up),
        held((centre + band) * up));
  }

  private static double held(double value) {
    return Double.isInfinite(value) ? Math.copySign(Double.MAX_VALUE, value) : value;
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
