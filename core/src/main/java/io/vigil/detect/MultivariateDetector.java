package io.vigil.detect;

/**
 * A streaming anomaly detector for one stream of feature vectors (for example CPU, latency and
 * error rate of one service sampled together).
 *
 * <p>Vectors arrive in timestamp order; each is answered at once. Vectors of the wrong length, with
 * a NaN or infinite feature, or out of order are counted in {@link #counts()} as invalid or out of
 * order and leave the detector unchanged. An instance is not thread-safe.
 */
public interface MultivariateDetector {

  /**
   * Scores one feature vector and then learns from it.
   *
   * @param timestampMillis the vector's time in epoch milliseconds
   * @param features the vector; the detector neither keeps nor changes the array
   * @return the verdict for this vector, never null
   */
  Verdict update(long timestampMillis, double[] features);

  /** How many vectors were accepted and how many were skipped, and why. */
  DetectorCounts counts();
}
