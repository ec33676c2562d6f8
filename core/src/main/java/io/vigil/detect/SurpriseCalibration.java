package io.vigil.detect;

/**
 * Puts one surprise measure on a scale every series shares: the measure divided by a high quantile
 * of its own recent values, so that 1 means "as surprising as the rarest recent 0.1%".
 *
 * <p>Raw surprise differs from series to series (a noisy series is always somewhat surprising);
 * dividing by the series' own recent quantile is what lets one threshold serve every series.
 *
 * <p>Memory: a {@link SortedWindow} of {@code history} values (16 bytes per value).
 */
final class SurpriseCalibration {

  private static final int MIN_HISTORY = 10;

  private final SortedWindow history;
  private final double quantile;

  private final double floor;

  SurpriseCalibration(int history, double quantile, double floor) {
    this.history = new SortedWindow(history);
    this.quantile = quantile;
    this.floor = floor;
  }

  /**
   * The measure relative to the quantile of the values before it, then learns it; 0 while fewer
   * than ten values were seen or while the quantile is 0.
   */
  double update(double surprise) {
    double relative = 0;
    if (history.size() >= MIN_HISTORY) {
      double reference = Math.max(floor, history.quantile(quantile));
      relative = reference > 0 ? surprise / reference : 0;
    }
    history.add(surprise);
    return relative;
  }

  /** The current reference quantile, 0 before any value. */
  double reference() {
    return Math.max(floor, history.size() > 0 ? history.quantile(quantile) : 0);
  }
}
