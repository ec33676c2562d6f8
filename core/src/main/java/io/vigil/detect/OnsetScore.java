package io.vigil.detect;

/**
 * The score a threshold detector ({@code ewma}, {@code zscore}, {@code seasonal}) reports for its
 * surprise: how rare the surprise is for this series, and only at the onset of an incident.
 *
 * <p>Two steps, the ones that let {@link DefaultDetector} serve every series with one threshold:
 *
 * <ol>
 *   <li>calibration: the surprise is divided by the second largest of the series' own last 1,000
 *       surprises ({@link TopTwoCalibration}), so 1 means "as rare as the rarest 0.1% lately",
 *       whether the series is noisy (deviation counts of 8 are routine) or quiet;
 *   <li>refractory: after a calibrated surprise of at least 1.2, the next 100 points score 0. One
 *       incident then scores high once, at its start; a sustained shift that stays outside the band
 *       for a while does not score again at every point.
 * </ol>
 *
 * The score is {@link Severity#of} the calibrated surprise, 0 for the first 30 surprises (the
 * second largest of fewer is no rare value) and in the refractory period. It ranks points for a
 * corpus-wide threshold such as NAB's sweep; the detector's decision stays its own threshold on the
 * raw surprise, unchanged. The three parameters are {@code DefaultDetector}'s, chosen on the
 * Numenta Anomaly Benchmark for that detector, not for these. Memory: two {@code float[10]} and a
 * few fields (about 200 bytes).
 */
final class OnsetScore {

  private static final double REFRACTORY_SURPRISE = 1.2;
  private static final int REFRACTORY_POINTS = 100;

  private final TopTwoCalibration calibration = new TopTwoCalibration(10, 100, 0, 30);
  private int quiet;

  /** The score of a surprise (at least 0, possibly {@code Double.MAX_VALUE}), then learns it. */
  double score(double surprise) {
    double relative = calibration.update(surprise);
    if (quiet > 0) {
      quiet--;
      return 0;
    }
    if (relative >= REFRACTORY_SURPRISE) {
      quiet = REFRACTORY_POINTS;
    }
    return Severity.of(relative);
  }
}
