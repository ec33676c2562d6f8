package io.vigil.cli.internal.fleet;

import io.vigil.cli.internal.InputException;

/**
 * The time range one diagnosis reads: the normal window {@code [normalStart, start)} and the
 * anomalous window {@code [start, end]}, sampled every {@code step}.
 *
 * @param normalStart start of the normal window, epoch milliseconds
 * @param start start of the anomalous window: the end of the normal one
 * @param end end of the anomalous window, inclusive
 * @param step the query resolution, milliseconds
 * @param rateWindow the range of every {@code rate()} in the queries, milliseconds
 */
record FleetWindow(long normalStart, long start, long end, long step, long rateWindow) {

  /** Most points one series may span, so that a diagnosis stays bounded in memory. */
  static final long MAX_POINTS = 11_000;

  FleetWindow {
    if (!(normalStart < start && start <= end)) {
      throw new InputException(
          "the window must satisfy normal start < start <= end but was "
              + normalStart
              + ", "
              + start
              + ", "
              + end);
    }
    long points = (end - normalStart) / step + 1;
    if (points > MAX_POINTS) {
      throw new InputException(
          "--step: "
              + step / 1000
              + "s over "
              + (end - normalStart) / 60_000
              + " minutes is "
              + points
              + " points per series, more than the limit of "
              + MAX_POINTS
              + "; use a longer step or a shorter baseline");
    }
  }

  /** The PromQL range of a rate, such as {@code 120s}. */
  String rateRange() {
    return rateWindow % 1000 == 0 ? rateWindow / 1000 + "s" : rateWindow + "ms";
  }
}
