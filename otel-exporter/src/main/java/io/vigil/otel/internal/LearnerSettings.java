package io.vigil.otel.internal;

import java.time.Duration;

/**
 * The learner's settings, checked once here: the step of the signals, how long an unpaired span
 * waits for its other side, and the caps.
 *
 * @param step length of one signal step
 * @param pendingTtl how long an unpaired span waits before it expires
 * @param maxPendingSpans cap on unpaired spans held at once
 * @param maxServices cap on services (virtual nodes included)
 * @param maxEdges cap on edges
 * @param maxOperationsPerService cap on operations tracked per service
 */
public record LearnerSettings(
    Duration step,
    Duration pendingTtl,
    int maxPendingSpans,
    int maxServices,
    int maxEdges,
    int maxOperationsPerService) {

  /** Default step: one minute, as the anomaly registry's. */
  public static final Duration DEFAULT_STEP = Duration.ofMinutes(1);

  /** Default wait for the other side: longer than the BatchSpanProcessor's 5 s export delay. */
  public static final Duration DEFAULT_PENDING_TTL = Duration.ofSeconds(10);

  /** Defaults for everything. */
  public static final LearnerSettings DEFAULTS =
      new LearnerSettings(DEFAULT_STEP, DEFAULT_PENDING_TTL, 10_000, 1_000, 10_000, 100);

  /** Checks every setting and names the one that is wrong. */
  public LearnerSettings {
    positive("step", step);
    positive("pendingTtl", pendingTtl);
    atLeastOne("maxPendingSpans", maxPendingSpans);
    atLeastOne("maxServices", maxServices);
    atLeastOne("maxEdges", maxEdges);
    atLeastOne("maxOperationsPerService", maxOperationsPerService);
  }

  long stepMillis() {
    return step.toMillis();
  }

  long pendingTtlMillis() {
    return pendingTtl.toMillis();
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.toMillis() < 1) {
      throw new IllegalArgumentException(
          name + " must be a duration of at least 1 ms but was " + value);
    }
  }

  private static void atLeastOne(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1 but was " + value);
    }
  }
}
