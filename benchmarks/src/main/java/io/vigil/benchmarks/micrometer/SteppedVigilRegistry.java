package io.vigil.benchmarks.micrometer;

import io.micrometer.core.instrument.Clock;
import io.vigil.micrometer.VigilAnomalyConfig;
import io.vigil.micrometer.VigilAnomalyMeterRegistry;

/** Vigil's registry with publishing disabled, stepped by the benchmark on a mock clock. */
final class SteppedVigilRegistry extends VigilAnomalyMeterRegistry {

  SteppedVigilRegistry(VigilAnomalyConfig config, Clock clock) {
    super(key -> key.equals("vigil.anomaly.enabled") ? "false" : config.get(key), clock);
  }

  /** Runs the step that just ended, as the publishing thread would. */
  void step() {
    publish();
  }
}
