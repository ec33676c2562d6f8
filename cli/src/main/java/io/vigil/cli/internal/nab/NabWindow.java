package io.vigil.cli.internal.nab;

/**
 * One labelled anomaly window of a data file, as row indices.
 *
 * @param start index of the window's first row
 * @param end index of the window's last row, inclusive
 */
public record NabWindow(int start, int end) {

  /** Checks that the window is not empty. */
  public NabWindow {
    if (start < 0 || end < start) {
      throw new IllegalArgumentException("window [" + start + ", " + end + "] is empty");
    }
  }

  /** How many rows the window spans. */
  public int width() {
    return end - start + 1;
  }
}
