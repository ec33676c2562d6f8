package io.vigil.cli.internal.fleet;

import java.util.Map;

/**
 * One series of a range query's answer.
 *
 * @param labels the series' labels, {@code __name__} included when the query kept it
 * @param timestamps epoch milliseconds, ascending
 * @param values one value per timestamp
 */
record PromSeries(Map<String, String> labels, long[] timestamps, double[] values) {

  PromSeries {
    labels = Map.copyOf(labels);
  }

  /** The value of a label, or the empty string when the series has none. */
  String label(String name) {
    return labels.getOrDefault(name, "");
  }
}
