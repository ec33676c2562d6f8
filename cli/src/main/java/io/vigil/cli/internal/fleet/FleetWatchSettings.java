package io.vigil.cli.internal.fleet;

import io.vigil.cli.internal.InputException;

/**
 * How {@code vigil watch} reads and decides, validated once.
 *
 * @param stepMillis how often it reads the backend, and the query resolution
 * @param rateWindowMillis the range of every rate() in the queries
 * @param baselineMillis the normal window: the warm-up at start and the ranking's baseline
 * @param settleMillis how long an incident must be quiet before it is ranked and reported
 * @param persistence consecutive anomalous points before a series raises an anomaly
 * @param maxSeries most series watched at once
 */
record FleetWatchSettings(
    long stepMillis,
    long rateWindowMillis,
    long baselineMillis,
    long settleMillis,
    int persistence,
    int maxSeries) {

  /** Most series one watch holds a detector for. */
  static final int MAX_SERIES_LIMIT = 1_000_000;

  FleetWatchSettings {
    if (persistence < 1 || persistence > 100) {
      throw new InputException("--persistence must be in [1, 100] but was " + persistence);
    }
    if (maxSeries < 1 || maxSeries > MAX_SERIES_LIMIT) {
      throw new InputException(
          "--max-series must be in [1, " + MAX_SERIES_LIMIT + "] but was " + maxSeries);
    }
  }

  /** The window from {@code start} to {@code end} with the normal part just before it. */
  FleetWindow window(long start, long end) {
    return window(start - stepMillis, start, end);
  }

  FleetWindow window(long normalStart, long start, long end) {
    return new FleetWindow(normalStart, start, end, stepMillis, rateWindowMillis);
  }
}
