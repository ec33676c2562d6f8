package io.vigil.benchmarks.micrometer;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.step.StepMeterRegistry;
import io.micrometer.core.instrument.step.StepRegistryConfig;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The baseline of publish-time work: a step registry whose publish reads every timer's step
 * snapshot, as any step registry's exporter does, and detects nothing.
 */
final class ReadOnlyStepRegistry extends StepMeterRegistry {

  private static final StepRegistryConfig CONFIG =
      new StepRegistryConfig() {
        @Override
        public String prefix() {
          return "readonly";
        }

        @Override
        public @Nullable String get(String key) {
          return key.equals("readonly.enabled") ? "false" : null;
        }
      };

  double sink;

  ReadOnlyStepRegistry(Clock clock) {
    super(CONFIG, clock);
  }

  @Override
  protected TimeUnit getBaseTimeUnit() {
    return TimeUnit.SECONDS;
  }

  @Override
  public void publish() {
    double sum = 0;
    for (Meter meter : getMeters()) {
      if (meter instanceof Timer timer) {
        HistogramSnapshot snapshot = timer.takeSnapshot();
        sum += snapshot.count() + snapshot.mean(TimeUnit.SECONDS) + snapshot.max(TimeUnit.SECONDS);
      }
    }
    sink = sum;
  }
}
