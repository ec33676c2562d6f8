package io.vigil.detect;

/**
 * Vigil's detector for watching many series at once: the self-calibrated surprise of {@link
 * DefaultDetector} in about a hundredth of its memory, O(1) per point, one fixed parameter set for
 * every series.
 *
 * <p>Three measures of surprise per point:
 *
 * <ol>
 *   <li>level: the point's distance from an outlier-resistant exponentially weighted centre, in
 *       units of its spread ({@link HuberScale}, memory about 500 points);
 *   <li>change: the same for the step from the previous point (memory about 200 steps);
 *   <li>shape: how far the last 48 points (8 blocks of 6) are from the nearest of the 64 shapes
 *       most recently seen ({@link ShapeCodebook}), in units of the series' range, with a dead zone
 *       of 6% of the range per block.
 * </ol>
 *
 * Each is divided by the second largest of its own recent values ({@link TopTwoCalibration}: the
 * last 2,000 for level and change, with a floor of 5 spreads; the last 100 shapes, with a floor of
 * 0.03), so that one threshold serves a noisy series and a quiet one. The largest ratio {@code r}
 * is the surprise, scored {@link Severity#of Severity.of(r)}; a point is an anomaly when {@code r
 * >= threshold}. One incident should raise one alarm: after {@code r >= 1.2} the next 100 points
 * score 0. The first 30 points warm up; each measure counts once its calibration has 30 values (the
 * second largest of fewer is no rare value). Every parameter was chosen on the Numenta Anomaly
 * Benchmark only.
 *
 * <p>Any finite value is taken: centres, spreads and the shape frame are kept on half-values, so no
 * difference overflows, and surprises are held at {@code Double.MAX_VALUE}. Memory: about 1.5 KB
 * per series (measured by {@code HeapPerSeries}; see docs/detectors.md).
 */
public final class LeanDetector extends StreamingDetector {

  /** The default threshold on the calibrated surprise {@code r}. */
  public static final double DEFAULT_THRESHOLD = 1.17;

  /**
   * The settings of a {@link LeanDetector}, checked once here.
   *
   * @param threshold the calibrated surprise at or above which a point is an anomaly, greater than
   *     0
   */
  public record Settings(double threshold) {

    /** Checks the range, naming the setting, the bound and the value. */
    public Settings {
      SettingCheck.above("threshold", threshold, 0);
    }
  }

  /** Short, so that a registry with a one-minute step watches within half an hour. */
  private static final int WARM_UP = 30;

  private static final double REFRACTORY_SURPRISE = 1.2;
  private static final int REFRACTORY_POINTS = 100;
  private static final double MIN_DEVIATION = 5;

  /** Below this novelty (3% of the range per block) a shape is noise, however rare. */
  private static final double MIN_NOVELTY = 0.03;

  private final double threshold;
  private final HuberScale level = new HuberScale(0.002, 3);
  private final HuberScale change = new HuberScale(0.005, 3);
  private final ShapeCodebook shape = new ShapeCodebook(6, 8, 64, 0.06, 0.01);
  // The second largest of the last 2,000 (10 blocks of 200): the 99.95th percentile. Level and
  // change are two of three tests run on every point, so each must be rarer than 0.1%.
  private final TopTwoCalibration levelScale = new TopTwoCalibration(10, 200, MIN_DEVIATION, 30);
  private final TopTwoCalibration changeScale = new TopTwoCalibration(10, 200, MIN_DEVIATION, 30);
  // A shape is judged only once 30 shapes (228 points) were seen: early shapes are all new.
  private final TopTwoCalibration shapeScale = new TopTwoCalibration(10, 10, MIN_NOVELTY, 30);
  private long seen;
  private int quiet;
  private double previousHalf = Double.NaN;

  /** Creates a detector from checked settings. */
  public LeanDetector(Settings settings) {
    this.threshold = settings.threshold();
  }

  /** Creates a detector at the default threshold. */
  public LeanDetector() {
    this(new Settings(DEFAULT_THRESHOLD));
  }

  @Override
  protected Verdict accept(long timestampMillis, double value) {
    seen++;
    double half = value * 0.5;
    // A floor on both spreads, as DefaultDetector's: a flat stretch does not divide by zero.
    double minSpread = 1e-9 * Math.abs(level.centre()) + 0.5e-12;
    double levelSurprise = levelScale.update(level.update(half, minSpread));
    double changeSurprise =
        Double.isNaN(previousHalf)
            ? 0
            : changeScale.update(change.update(half - previousHalf, minSpread));
    previousHalf = half;
    double novelty = shape.update(value);
    double shapeSurprise = novelty == ShapeCodebook.NONE ? 0 : shapeScale.update(novelty);
    if (seen <= WARM_UP) {
      return Verdict.warmingUp();
    }
    double surprise = Math.max(levelSurprise, Math.max(changeSurprise, shapeSurprise));
    if (quiet > 0) {
      quiet--;
      surprise = 0;
    } else if (surprise >= REFRACTORY_SURPRISE) {
      quiet = REFRACTORY_POINTS;
    }
    double centre = level.centre();
    double band =
        Math.min(Double.MAX_VALUE, threshold * Math.max(MIN_DEVIATION, levelScale.reference()))
            * level.spread();
    return Verdict.scored(
        Severity.of(surprise),
        surprise >= threshold,
        Bands.doubled(centre),
        Bands.doubled(centre - Math.min(Double.MAX_VALUE, band)),
        Bands.doubled(centre + Math.min(Double.MAX_VALUE, band)));
  }
}
