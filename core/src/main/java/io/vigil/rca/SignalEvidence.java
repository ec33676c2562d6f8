package io.vigil.rca;

import java.util.Objects;

/**
 * The evidence one signal gives about its service: its normal level and spread, how far it moved
 * and when it started moving.
 *
 * @param service the service the signal belongs to
 * @param signal the signal's name
 * @param normalMedian median of the normal window, NaN when only an alert is known
 * @param normalSpread spread of the normal window (IQR, or the standard deviation for n-sigma), NaN
 *     when only an alert is known
 * @param peak the anomalous value farthest from normal, NaN when only an alert is known
 * @param deviation signed distance of the peak from the median in units of the spread, or the
 *     alert's magnitude
 * @param onsetMillis when the signal first left its normal range, epoch milliseconds; {@code
 *     Long.MAX_VALUE} when it never did
 */
public record SignalEvidence(
    String service,
    String signal,
    double normalMedian,
    double normalSpread,
    double peak,
    double deviation,
    long onsetMillis) {

  /** Checks the names. */
  public SignalEvidence {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(signal, "signal");
  }

  /** Evidence from an alert, which knows its magnitude and onset but not the normal level. */
  public static SignalEvidence of(Anomaly anomaly) {
    return new SignalEvidence(
        anomaly.service(),
        anomaly.signal(),
        Double.NaN,
        Double.NaN,
        Double.NaN,
        anomaly.magnitude(),
        anomaly.onsetMillis());
  }

  /**
   * Whether the evidence was scored against a normal window (a series), not taken from an alert.
   */
  public boolean measured() {
    return !Double.isNaN(normalMedian);
  }

  /** Whether the signal left its normal range at all. */
  public boolean moved() {
    return onsetMillis != Long.MAX_VALUE;
  }
}
