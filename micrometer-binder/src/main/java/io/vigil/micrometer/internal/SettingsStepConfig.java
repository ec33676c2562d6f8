package io.vigil.micrometer.internal;

import io.micrometer.core.instrument.step.StepRegistryConfig;
import io.vigil.micrometer.VigilAnomalySettings;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The step and the enabled flag of validated settings, as the {@link StepRegistryConfig} that
 * Micrometer's step registry is built on; every other key at its default.
 */
public final class SettingsStepConfig implements StepRegistryConfig {

  private final VigilAnomalySettings settings;

  /** Exposes these settings. */
  public SettingsStepConfig(VigilAnomalySettings settings) {
    this.settings = settings;
  }

  @Override
  public String prefix() {
    return "vigil.anomaly";
  }

  @Override
  public @Nullable String get(String key) {
    return null;
  }

  @Override
  public Duration step() {
    return settings.step();
  }

  @Override
  public boolean enabled() {
    return settings.enabled();
  }
}
