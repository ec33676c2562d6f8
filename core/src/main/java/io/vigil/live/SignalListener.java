package io.vigil.live;

import io.vigil.rca.Anomaly;

/**
 * Receives per-step signal values and the anomalies found in them, from any source: the Micrometer
 * registry at the end of each step, the span exporter for the signals it learns from spans.
 *
 * <p>Sources call it from their own background thread (a registry's publisher, an exporter's
 * worker), never from an application thread. Implementations are thread-safe, return quickly and
 * never throw.
 */
public interface SignalListener {

  /**
   * One signal's value over the step that ended at {@code timestampMillis}.
   *
   * @param service the service the signal belongs to (a virtual node's name for an uninstrumented
   *     peer)
   * @param signal the signal's name, such as {@code server.latency.p99} or {@code cpu}
   * @param timestampMillis the end of the step, epoch milliseconds
   * @param value the signal's value; NaN when the step had no data
   */
  void onSignal(String service, String signal, long timestampMillis, double value);

  /** An anomaly the source's own detector found; by default ignored. */
  default void onAnomaly(Anomaly anomaly) {}
}
