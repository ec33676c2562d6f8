package io.vigil.micrometer.internal;

import io.micrometer.core.instrument.Meter;
import io.vigil.micrometer.AnomalyEvent;
import io.vigil.micrometer.Signal;

/** Where one step's watched signal values and anomalies go; never throws. */
public interface StepOutput {

  /** Whether {@link #signal} wants every watched value; when false it is never called. */
  boolean wantsSignals();

  /** One watched signal's value over the step ending at {@code stepEndMillis}. */
  void signal(Meter.Id id, Signal signal, long stepEndMillis, double value);

  /** One anomalous signal. */
  void anomaly(AnomalyEvent event);
}
