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
 * The score is the deviation count made rare-for-this-series and onset-only by {@link OnsetScore}
 * (the decision stays {@code z > threshold}).
 *
 * <p>Any finite value is taken: the state is kept as half the mean and half the deviation (exact
 * for every normal double), and the deviation is updated as a hypotenuse rather than a variance, so
 * no difference or square can overflow, even between {@code -Double.MAX_VALUE} and {@code
 * Double.MAX_VALUE}.
 *
 * <p>Memory: fixed, whatever the stream's length: two doubles of state, four of settings, a count
 * of points learned, {@link StreamingDetector}'s counters and an {@link OnsetScore} (about 300
 * bytes in all; see docs/detectors.md for the measured figure).
 */
public final class EwmaDetector extends StreamingDetector {

  /**
   * The settings of an {@link EwmaDetector}, checked once here.
   *
   * @param alpha the weight of a new point, in (0, 1]; the mean's memory is about {@code 2 / alpha}
   *     points
   * @param threshold how many standard deviations make an anomaly, greater than 0
   * @param minPoints how many points are learned before scoring, at least 2
   * @param floor the smallest deviation as a share of {@code |mean|}, at least 0
   * @param anomalyWeight the factor on the weight of a point judged anomalous, in [0, 1]
   */
  public record Settings(
      double alpha, double threshold, int minPoints, double floor, double anomalyWeight) {

    /** Checks every range, naming the setting, the bound and the value. */
    public Settings {
      SettingCheck.aboveUpTo("alpha", alpha, 0, 1);
      SettingCheck.above("threshold", threshold, 0);
      SettingCheck.atLeast("min-points", minPoints, 2);
      SettingCheck.atLeast("floor", floor, 0);
      SettingCheck.within("anomaly-weight", anomalyWeight, 0, 1);
    }
  }

  private final double alpha;
  private final double threshold;
  private final double floor;
  private final double anomalyWeight;
  private final int minPoints;

  private final OnsetScore onset = new OnsetScore();
  private long learned;
  private double halfMean;
  private double halfStd;

  /** Creates a detector from checked settings. */
  public EwmaDetector(Settings settings) {
    this.alpha = settings.alpha();
    this.threshold = settings.threshold();
    this.minPoints = settings.minPoints();
    this.floor = settings.floor();
    this.anomalyWeight = settings.anomalyWeight();
  }

  /** Creates a detector; see {@link Settings} for each parameter's range. */
  public EwmaDetector(
      double alpha, double threshold, int minPoints, double floor, double anomalyWeight) {
    this(new Settings(alpha, threshold, minPoints, floor, anomalyWeight));
  }

  @Override
  protected Verdict accept(long timestampMillis, double value) {
    double half = value * 0.5;
    if (learned < minPoints) {
      learn(half, 1.0);
      return Verdict.warmingUp();
    }
    double std = Math.max(halfStd, floor * Math.abs(halfMean));
    if (std == 0.0 || std < Math.ulp(halfMean) * 4) {
      learn(half, 1.0);
      return Verdict.undecided(VerdictReason.NO_VARIATION);
    }
    double band = threshold * std;
    double lower = halfMean - band;
    double upper = halfMean + band;
    double z = Math.abs(half - halfMean) / std;
    boolean anomaly = z > threshold;
    Verdict verdict =
        Verdict.scored(
            onset.score(z), anomaly, 2 * halfMean, Bands.doubled(lower), Bands.doubled(upper));
    if (anomaly) {
      learn(Math.min(upper, Math.max(lower, half)), anomalyWeight);
    } else {
      learn(half, 1.0);
    }
    return verdict;
  }

  /**
   * Finch's update with weight {@code w = max(alpha, 1/n) * factor}, on half-values: the variance
   * {@code (1 - w) (s^2 + w d^2)} becomes the deviation {@code sqrt(1 - w) hypot(s, sqrt(w) d)}.
   */
  private void learn(double half, double factor) {
    learned++;
    double weight = Math.max(alpha, 1.0 / learned) * factor;
    double diff = half - halfMean;
    halfMean += weight * diff;
    halfStd = Math.sqrt(1 - weight) * Bands.hypot(halfStd, Math.sqrt(weight) * diff);
  }
}
