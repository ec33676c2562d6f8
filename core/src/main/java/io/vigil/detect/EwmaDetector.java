package io.vigil.detect;

/**
 * An exponentially weighted mean and variance (Finch 2009, "Incremental calculation of weighted
 * mean and variance"): how many weighted standard deviations a point lies from the weighted mean of
 * the points before it, in O(1) memory, for per-step service signals.
 *
 * <p>Each point is scored before it is learned. A point is learned with the weight {@code
 * max(alpha, 1 / n)} (n the points learned so far, this one included), so the first {@code 1 /
 * alpha} points are averaged plainly and the estimate does not start biased towards the first
 * value. The deviation used is at least {@code floor * |mean|}, so a nearly flat signal does not
 * alarm on noise; a signal whose deviation and mean are both zero decides nothing ({@link
 * VerdictReason#NO_VARIATION}). A point judged anomalous is learned at the edge of the normal band,
 * with its weight multiplied by {@code anomalyWeight}: a sustained regression keeps being reported
 * for a while instead of being absorbed at once, and is accepted as the new normal only gradually.
 *
 * <p>Memory: a fixed 104 bytes per series (two doubles of state, four of settings, a count of
 * points learned and {@link StreamingDetector}'s counters), whatever the stream's length.
 */
public final class EwmaDetector extends StreamingDetector {

  private static final double INVERSE_SQRT2 = 1 / Math.sqrt(2.0);

  private final double alpha;
  private final double threshold;
  private final double floor;
  private final double anomalyWeight;
  private final int minPoints;

  private long learned;
  private double mean;
  private double variance;

  /**
   * Creates a detector.
   *
   * @param alpha the weight of a new point, in (0, 1]; the mean's memory is about {@code 2 / alpha}
   *     points
   * @param threshold how many standard deviations make an anomaly, greater than 0
   * @param minPoints how many points are learned before scoring, at least 2
   * @param floor the smallest deviation as a share of {@code |mean|}, at least 0
   * @param anomalyWeight the factor on the weight of a point judged anomalous, in [0, 1]
   */
  public EwmaDetector(
      double alpha, double threshold, int minPoints, double floor, double anomalyWeight) {
    if (!(alpha > 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in (0, 1] but was " + alpha);
    }
    if (!(threshold > 0) || !Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be a number > 0 but was " + threshold);
    }
    if (minPoints < 2) {
      throw new IllegalArgumentException("minPoints must be >= 2 but was " + minPoints);
    }
    if (!(floor >= 0) || !Double.isFinite(floor)) {
      throw new IllegalArgumentException("floor must be a number >= 0 but was " + floor);
    }
    if (!(anomalyWeight >= 0 && anomalyWeight <= 1)) {
      throw new IllegalArgumentException(
          "anomalyWeight must be in [0, 1] but was " + anomalyWeight);
    }
    this.alpha = alpha;
    this.threshold = threshold;
    this.minPoints = minPoints;
    this.floor = floor;
    this.anomalyWeight = anomalyWeight;
  }

  @Override
  protected Verdict accept(long timestampMillis, double value) {
    if (learned < minPoints) {
      learn(value, 1.0);
      return Verdict.warmingUp();
    }
    double std = Math.max(Math.sqrt(variance), floor * Math.abs(mean));
    if (std == 0.0 || std < Math.ulp(mean) * 4) {
      learn(value, 1.0);
      return Verdict.undecided(VerdictReason.NO_VARIATION);
    }
    double band = threshold * std;
    double lower = mean - band;
    double upper = mean + band;
    double z = Math.abs(value - mean) / std;
    boolean anomaly = z > threshold;
    // Two-sided normal tail: the share of a normal population closer to the mean than this point.
    double score = Math.min(1.0, Math.max(0.0, FastErf.erf(z * INVERSE_SQRT2)));
    Verdict verdict = Verdict.scored(score, anomaly, mean, lower, upper);
    if (anomaly) {
      learn(Math.min(upper, Math.max(lower, value)), anomalyWeight);
    } else {
      learn(value, 1.0);
    }
    return verdict;
  }

  /** Finch's update with weight {@code max(alpha, 1/n)}, scaled by {@code factor}. */
  private void learn(double value, double factor) {
    learned++;
    double weight = Math.max(alpha, 1.0 / learned) * factor;
    double diff = value - mean;
    double increment = weight * diff;
    mean += increment;
    variance = (1 - weight) * (variance + diff * increment);
  }
}
