package io.vigil.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.tck.MeterRegistryCompatibilityKit;
import java.time.Duration;

/** Micrometer's own compatibility kit, run against the registry on a mock clock. */
class VigilAnomalyMeterRegistryCompatibilityTest extends MeterRegistryCompatibilityKit {

  private final VigilAnomalyConfig config =
      key -> key.equals("vigil.anomaly.enabled") ? "false" : null;

  @Override
  public MeterRegistry registry() {
    return new VigilAnomalyMeterRegistry(config, new MockClock());
  }

  @Override
  public Duration step() {
    return config.step();
  }
}
