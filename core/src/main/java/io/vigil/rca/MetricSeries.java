package io.vigil.rca;

import java.util.Objects;

/**
 * One metric of one service around an incident: timestamps in ascending order and their values. NaN
 * values are allowed and ignored by every analysis.
 *
 * @param service the service the metric belongs to
 * @param signal the metric's name, such as {@code cpu} or {@code latency_p99}
 * @param timestamps epoch milliseconds, ascending
 * @param values one value per timestamp
 */
public record MetricSeries(String service, String signal, long[] timestamps, double[] values) {

  /** Checks that names are present, lengths match and timestamps ascend. */
  public MetricSeries {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(signal, "signal");
    if (timestamps.length != values.length) {
      throw new IllegalArgumentException(
          service
              + "/"
              + signal
              + ": "
              + timestamps.length
              + " timestamps but "
              + values.length
              + " values");
    }
    for (int i = 1; i < timestamps.length; i++) {
      if (timestamps[i] < timestamps[i - 1]) {
        throw new IllegalArgumentException(
            service + "/" + signal + ": timestamps must ascend but index " + i + " goes back");
      }
    }
  }

  /** Number of points. */
  public int size() {
    return values.length;
  }

  /** Index of the first point at or after {@code timeMillis}; {@link #size()} when none. */
  public int indexAtOrAfter(long timeMillis) {
    int lo = 0;
    int hi = timestamps.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (timestamps[mid] < timeMillis) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
