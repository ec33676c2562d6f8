package io.vigil.otel.internal;

import io.vigil.live.SignalListener;

/**
 * Calls, errors and latency of one series (a service's server side, an operation, one side of an
 * edge) over the current step. Its four signal names are built once, so emitting a step allocates
 * nothing.
 */
final class RedWindow {

  private final String callsName;
  private final String errorsName;
  private final String p50Name;
  private final String p99Name;
  private final LatencyHistogram latency = new LatencyHistogram();
  private long errors;
  private boolean seen;

  /**
   * A window whose signals are {@code <prefix>.calls<suffix>}, {@code .errors}, {@code
   * .latency.p50} and {@code .latency.p99}, the suffix naming the series, such as {@code
   * {caller=web}}.
   */
  RedWindow(String prefix, String suffix) {
    this.callsName = prefix + ".calls" + suffix;
    this.errorsName = prefix + ".errors" + suffix;
    this.p50Name = prefix + ".latency.p50" + suffix;
    this.p99Name = prefix + ".latency.p99" + suffix;
  }

  void record(long durationNanos, boolean error) {
    latency.record(durationNanos);
    seen = true;
    if (error) {
      errors++;
    }
  }

  long calls() {
    return latency.count();
  }

  /**
   * Sends this step's four signals of {@code service} to the listener, then starts a new step. A
   * window that never saw a call sends nothing.
   */
  void emit(SignalListener listener, String service, long stepEndMillis) {
    if (!seen) {
      return;
    }
    long calls = latency.count();
    listener.onSignal(service, callsName, stepEndMillis, calls);
    listener.onSignal(service, errorsName, stepEndMillis, errors);
    listener.onSignal(service, p50Name, stepEndMillis, latency.quantileMillis(0.50));
    listener.onSignal(service, p99Name, stepEndMillis, latency.quantileMillis(0.99));
    latency.reset();
    errors = 0;
  }
}
