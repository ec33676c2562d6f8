package io.vigil.micrometer.internal;

import io.vigil.micrometer.Signal;

/** Receives the signals read from one meter for one step. */
@FunctionalInterface
public interface SignalSink {

  /**
   * Takes one signal value.
   *
   * @param signal which signal
   * @param value its value over the step, possibly NaN or negative if the meter misbehaves
   * @param nonNegative whether a negative value is invalid (durations, rates, counts)
   */
  void accept(Signal signal, double value, boolean nonNegative);
}
