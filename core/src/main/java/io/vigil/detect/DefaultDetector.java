package io.vigil.detect;

/**
 * Vigil's default detector for service metrics, the one {@code --detector default} selects: one
 * fixed set of parameters, chosen on the Numenta Anomaly Benchmark, for every series.
 *
 * <p>Three measures of surprise are computed for each point:
 *
 * <ol>
 *   <li>level: the point's distance from the median of the last 500 points, in robust standard
 *       deviations (interquartile range / 1.349);
 *   <li>change: the same for the step from the previous point, which catches a jump inside the
 *       normal range of values;
 *   <li>pattern: how far the shape of the last 48 points (8 blocks of 6) is from the nearest of the
 *       last 1,000 such shapes (block differences under 8% of the range count as none), which
 *       catches a missing cycle or a new rhythm.
 * </ol>
 *
 * Level and change are each divided by the 1-in-3,000 value of their own last 3,000 (and by at
 * least 5 robust deviations), pattern by the 99.9th percentile of its last 166, so that a noisy
 * series and a quiet one are judged on the same scale; the largest ratio {@code r} is the surprise,
 * reported as the score {@link Severity#of Severity.of(r)}. One incident should raise one alarm:
 * after a point with {@code r >= 1.2} the next 100 points score 0. A point is an anomaly when
 * {@code r} is at least {@link #ALARM_SURPRISE} (0.54 / 0.46, the threshold that maximised NAB's
 * standard profile when the score was {@code r / (1 + r)}, a monotone function of the same {@code
 * r}). Any finite value is taken.
 *
 * <p>The first 150 points only warm up. The expected value and band in each verdict are the median
 * and the level at which the level measure alone would raise an alarm.
 *
 * <p>Memory: about 200 KB per series (two sorted windows of 500 points: 16 KB; 1,000 stored
 * patterns of 8 doubles: 64 KB; three calibration histories of 3,000, 3,000 and 166 values: about
 * 100 KB; plus array headers), independent of stream length.
 */
public final class DefaultDetector extends StreamingDetector {

  /** The calibrated surprise at or above which a point is called an anomaly. */
  public static final double ALARM_SURPRISE = 0.54 / (1 - 0.54);

  /** The score at or above which a point is called an anomaly: {@code Severity.of(1.1739..)}. */
  public static final double ALARM_SCORE = Severity.of(ALARM_SURPRISE);

  private static final int WINDOW = 500;
  private static final int WARM_UP = 150;
  // Level and change: the 1-in-3,000 value of the last 3,000 (was the 99.9th percentile of 1,000):
  // two of three tests run on every point, so each must be rare. Chosen on half of NAB's files.
  private static final int HISTORY = 3_000;
  private static final double QUANTILE = 1 - 1.0 / HISTORY;
  private static final int PATTERN_HISTORY = 1_000 / 6;
  private static final double PATTERN_QUANTILE = 0.999;
  private static final double REFRACTORY_SURPRISE = 1.2;
  private static final int REFRACTORY_POINTS = 100;
  private static final double MIN_DEVIATION = 5;

  private final RobustDeviation level = new RobustDeviation(WINDOW);
  private final RobustDeviation change = new RobustDeviation(WINDOW);
  private final PatternNovelty pattern = new PatternNovelty(6, 8, 1_000, 0.08);
  private final SurpriseCalibration levelScale =
      new SurpriseCalibration(HISTORY, QUANTILE, MIN_DEVIATION);
  private final SurpriseCalibration changeScale =
      new SurpriseCalibration(HISTORY, QUANTILE, MIN_DEVIATION);
  private final SurpriseCalibration patternScale =
      new SurpriseCalibration(PATTERN_HISTORY, PATTERN_QUANTILE, 0);
  private long seen;
  private int quiet;
  private double previous = Double.NaN;

  /** Creates a detector with Vigil's fixed default parameters. */
  public DefaultDetector() {}

  @Override
  protected Verdict accept(long timestampMillis, double value) {
    seen++;
    double levelSurprise = levelScale.update(level.update(value));
    double step = Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, value - previous));
    double changeSurprise = Double.isNaN(previous) ? 0 : changeScale.update(change.update(step));
    previous = value;
    double novelty = pattern.update(value);
    double patternSurprise = novelty == PatternNovelty.NONE ? 0 : patternScale.update(novelty);
    if (seen <= WARM_UP) {
      return Verdict.warmingUp();
    }
    double surprise = Math.max(levelSurprise, Math.max(changeSurprise, patternSurprise));
    if (quiet > 0) {
      quiet--;
      surprise = 0;
    } else if (surprise >= REFRACTORY_SURPRISE) {
      quiet = REFRACTORY_POINTS;
    }
    double median = level.median();
    double band = ALARM_SURPRISE * levelScale.reference() * level.sigma();
    return Verdict.scored(
        Severity.of(surprise),
        surprise >= ALARM_SURPRISE,
        median,
        Math.max(-Double.MAX_VALUE, median - band),
        Math.min(Double.MAX_VALUE, median + band));
  }
}
