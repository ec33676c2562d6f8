package io.vigil.micrometer;

/**
 * Receives the anomalies a {@link VigilAnomalyMeterRegistry} finds, on its publishing thread.
 *
 * <p>A listener should return quickly and hand heavy work elsewhere. One that throws is logged and
 * counted in {@code vigil.anomaly.listener.failures}; it never stops publishing nor the other
 * listeners.
 */
@FunctionalInterface
public interface AnomalyListener {

  /** Called once per anomalous signal per step. */
  void onAnomaly(AnomalyEvent event);
}
