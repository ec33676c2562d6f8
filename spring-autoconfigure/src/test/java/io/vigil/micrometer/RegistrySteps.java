package io.vigil.micrometer;

/**
 * Drives a {@link VigilAnomalyMeterRegistry} of a Spring context step by step on a mock clock, as
 * its publishing thread would: {@code publish()} is protected, so a test outside this package
 * reaches it through here.
 */
public final class RegistrySteps {

  private RegistrySteps() {}

  /** Runs detection for the step that just ended on the registry's clock. */
  public static void publish(VigilAnomalyMeterRegistry registry) {
    registry.publish();
  }
}
