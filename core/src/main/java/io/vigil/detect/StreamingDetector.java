package io.vigil.detect;

/**
 * Base class for univariate detectors: screens out invalid and out-of-order points, counting them,
 * so that subclasses only ever see finite values in timestamp order.
 */
public abstract class StreamingDetector implements AnomalyDetector {

  private long lastTimestamp = Long.MIN_VALUE;
  private long accepted;
  private long invalid;
  private long outOfOrder;

  @Override
  public final Verdict update(long timestampMillis, double value) {
    if (!Double.isFinite(value)) {
      invalid++;
      return Verdict.invalidValue();
    }
    if (timestampMillis < lastTimestamp) {
      outOfOrder++;
      return Verdict.outOfOrder();
    }
    lastTimestamp = timestampMillis;
    accepted++;
    return accept(timestampMillis, value);
  }

  /**
   * Scores a finite, in-order point against what came before, then learns from it.
   *
   * @param timestampMillis the point's time, never earlier than the previous point's
   * @param value a finite value
   * @return the verdict for this point
   */
  protected abstract Verdict accept(long timestampMillis, double value);

  @Override
  public final DetectorCounts counts() {
    return new DetectorCounts(accepted, invalid, outOfOrder);
  }
}
