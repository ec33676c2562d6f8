package io.vigil.demo;

/**
 * What the load generator saw: completed requests that succeeded or failed (HTTP 5xx or no answer),
 * ticks skipped because too many requests were open, and the summed latency.
 */
record LoadStats(long ok, long failed, long skipped, long latencyNanos) {

  /** The counts between {@code earlier} and this one. */
  public LoadStats since(LoadStats earlier) {
    return new LoadStats(
        ok - earlier.ok,
        failed - earlier.failed,
        skipped - earlier.skipped,
        latencyNanos - earlier.latencyNanos);
  }

  /** Completed requests. */
  public long completed() {
    return ok + failed;
  }

  /** Failed share of completed requests; 0 when none completed. */
  public double errorRatio() {
    return completed() == 0 ? 0 : (double) failed / completed();
  }

  /** Mean latency of completed requests in milliseconds; 0 when none completed. */
  public double meanMillis() {
    return completed() == 0 ? 0 : latencyNanos / 1e6 / completed();
  }

  /** One line for a terminal. */
  public String summary() {
    return String.format(
        java.util.Locale.ROOT,
        "%d requests, %.0f%% failed, mean %.0f ms, %d skipped",
        completed(),
        100 * errorRatio(),
        meanMillis(),
        skipped);
  }
}
