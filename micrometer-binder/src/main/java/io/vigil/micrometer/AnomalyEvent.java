package io.vigil.micrometer;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.vigil.detect.Verdict;
import java.util.Objects;

/**
 * An anomaly found in one signal of one watched meter at the end of a step.
 *
 * @param meterId the meter's id; for {@link Signal#ERROR_RATIO}, the meter name with the service
 *     tag only
 * @param signal which signal of the meter was anomalous
 * @param timestampMillis the end of the step, in epoch milliseconds
 * @param value the signal's value over the step (seconds for timer durations)
 * @param verdict the detector's verdict: score, expected value and normal band
 */
public record AnomalyEvent(
    Meter.Id meterId, Signal signal, long timestampMillis, double value, Verdict verdict) {

  /** Checks that the event names its meter, signal and verdict. */
  public AnomalyEvent {
    Objects.requireNonNull(meterId, "meterId");
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(verdict, "verdict");
  }

  /** The meter's name. */
  public String name() {
    return meterId.getName();
  }

  /** The meter's tags. */
  public Tags tags() {
    return Tags.of(meterId.getTagsAsIterable());
  }
}
