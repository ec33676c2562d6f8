package io.vigil.detect;

/**
 * A streaming anomaly detector for one series.
 *
 * <p>Points arrive in timestamp order; each is answered at once with a {@link Verdict}. An instance
 * is not thread-safe: one series, one thread at a time. Memory is bounded by the detector's
 * configuration, never by the length of the stream.
 */
public interface AnomalyDetector {

  /**
   * Scores one point and then learns from it.
   *
   * @param timestampMillis the point's time in epoch milliseconds
   * @param value the point's value; NaN and infinities are counted and skipped
   * @return the verdict for this point, never null
   */
  Verdict update(long timestampMillis, double value);

  /** How many points were accepted and how many were skipped, and why. */
  DetectorCounts counts();
}
