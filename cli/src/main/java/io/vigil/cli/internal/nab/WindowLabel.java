package io.vigil.cli.internal.nab;

import io.vigil.cli.internal.DetectorRunner;
import io.vigil.detect.Verdict;

/** The {@code label} column of NAB's result files: 1 inside a labelled window, 0 outside. */
final class WindowLabel implements DetectorRunner.LastColumn {

  private final NabSeries series;

  WindowLabel(NabSeries series) {
    this.series = series;
  }

  @Override
  public String header() {
    return "label";
  }

  @Override
  public String value(int row, Verdict verdict) {
    for (NabWindow window : series.windows()) {
      if (row >= window.start() && row <= window.end()) {
        return "1";
      }
    }
    return "0";
  }
}
