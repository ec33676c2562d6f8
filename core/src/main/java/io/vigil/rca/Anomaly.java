package io.vigil.rca;

import java.util.Objects;

/**
 * One signal of one service that left its normal range: an alert, or a detector's verdict.
 *
 * @param service the service the signal belongs to
 * @param signal what moved, such as {@code latency_p99} or {@code cpu}
 * @param onsetMillis when it started, epoch milliseconds
 * @param magnitude how far it moved, in robust deviations (|x - median| / IQR) or any positive
 *     scale shared by the incident's anomalies; 1 when unknown
 */
public record Anomaly(String service, String signal, long onsetMillis, double magnitude) {

  /** Checks that names are present and the magnitude is a finite non-negative number. */
  public Anomaly {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(signal, "signal");
    if (!(magnitude >= 0.0) || Double.isInfinite(magnitude)) {
      throw new IllegalArgumentException(
          "magnitude must be finite and >= 0 but was " + magnitude + " for " + service);
    }
  }
}
