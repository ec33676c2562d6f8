package io.vigil.cli.internal.nab;

import java.util.List;

/**
 * One data file of a NAB corpus: its name, its length and its anomaly windows.
 *
 * @param key the file's path under {@code data/}, such as {@code realKnownCause/nyc_taxi.csv}
 * @param rows how many data rows the file has
 * @param windows the labelled windows in time order, never overlapping
 */
public record NabSeries(String key, int rows, List<NabWindow> windows) {

  /** Copies the windows and checks they fit the file in order. */
  public NabSeries {
    windows = List.copyOf(windows);
    int previousEnd = -1;
    for (NabWindow window : windows) {
      if (window.start() <= previousEnd || window.end() >= rows) {
        throw new IllegalArgumentException(
            key + ": windows must be in order, apart, and inside " + rows + " rows: " + windows);
      }
      previousEnd = window.end();
    }
  }

  /** The category directory: {@code realKnownCause} for {@code realKnownCause/nyc_taxi.csv}. */
  public String category() {
    return key.substring(0, key.lastIndexOf('/'));
  }

  /** The file name: {@code nyc_taxi.csv} for {@code realKnownCause/nyc_taxi.csv}. */
  public String fileName() {
    return key.substring(key.lastIndexOf('/') + 1);
  }

  /**
   * How many leading rows are probation and not scored: 15% of the file, at most 750 rows.
   *
   * <p>NAB: {@code min(floor(0.15 * rows), 0.15 * 5000)}.
   */
  public int probation() {
    return (int) Math.min(Math.floor(0.15 * rows), 0.15 * 5000);
  }
}
