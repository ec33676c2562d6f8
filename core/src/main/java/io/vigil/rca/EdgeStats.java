package io.vigil.rca;

/**
 * Call, error and latency statistics of one caller -> callee edge, learned one call at a time in
 * O(1) time and memory (Welford's mean and variance of the latency).
 *
 * <p>Thread-safe: recording and reading synchronize on the instance.
 */
public final class EdgeStats {

  private long calls;
  private long errors;
  private long invalid;
  private double meanLatency;
  private double m2Latency;
  private double maxLatency;

  /** Records one call; a NaN, infinite or negative latency is counted and skipped, never thrown. */
  public synchronized void record(double latencyMillis, boolean error) {
    if (!(latencyMillis >= 0.0) || Double.isInfinite(latencyMillis)) {
      invalid++;
      return;
    }
    calls++;
    if (error) {
      errors++;
    }
    double delta = latencyMillis - meanLatency;
    meanLatency += delta / calls;
    m2Latency += delta * (latencyMillis - meanLatency);
    maxLatency = Math.max(maxLatency, latencyMillis);
  }

  /** A consistent copy of the statistics. */
  public synchronized Snapshot snapshot() {
    double std = calls > 1 ? Math.sqrt(m2Latency / (calls - 1)) : 0.0;
    return new Snapshot(calls, errors, invalid, meanLatency, std, maxLatency);
  }

  /**
   * The statistics of an edge at one moment.
   *
   * @param calls calls recorded
   * @param errors calls that failed
   * @param invalid calls skipped for a NaN, infinite or negative latency
   * @param meanLatencyMillis mean latency of the recorded calls, 0 when none
   * @param stdLatencyMillis sample standard deviation of the latency, 0 below two calls
   * @param maxLatencyMillis largest latency recorded, 0 when none
   */
  public record Snapshot(
      long calls,
      long errors,
      long invalid,
      double meanLatencyMillis,
      double stdLatencyMillis,
      double maxLatencyMillis) {

    /** Share of calls that failed, 0 when there were none. */
    public double errorRatio() {
      return calls == 0 ? 0.0 : (double) errors / calls;
    }
  }
}
