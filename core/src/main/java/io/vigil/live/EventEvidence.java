package io.vigil.live;

import io.vigil.rca.EventImpact;
import java.util.Objects;

/**
 * A marked event that fell inside an incident or just before it, with its measured impact.
 *
 * @param event the event
 * @param impact the means of {@code signal} before and after the event and Welch's t-test between
 *     them
 * @param signal the signal the impact was measured on: the event's service's signal that moved
 *     most, or the symptom's when the event's service has no history
 */
public record EventEvidence(MarkedEvent event, EventImpact impact, String signal) {

  /** Checks that every part is present. */
  public EventEvidence {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(signal, "signal");
  }
}
