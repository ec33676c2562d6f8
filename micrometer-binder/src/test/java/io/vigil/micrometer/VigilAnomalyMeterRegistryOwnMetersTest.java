package io.vigil.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry's own {@code vigil.anomaly.*} meters are registered in it exactly once, by whoever
 * binds {@link VigilAnomalyMeterRegistry#metrics()}, before or after its first step, so Micrometer
 * never logs that one was "already registered".
 */
class VigilAnomalyMeterRegistryOwnMetersTest {

  private final MockClock clock = new MockClock();
  private final MicrometerLog doubleRegistrations = MicrometerLog.doubleRegistrations();

  @AfterEach
  void stopListening() {
    doubleRegistrations.close();
  }

  private VigilAnomalyMeterRegistry registry() {
    VigilAnomalyConfig config = key -> key.equals("vigil.anomaly.enabled") ? "false" : null;
    return VigilAnomalyMeterRegistry.builder(config).clock(clock).build();
  }

  private void step(VigilAnomalyMeterRegistry registry) {
    clock.add(Duration.ofMinutes(1));
    registry.publish();
  }

  private static FunctionCounter detected(MeterRegistry registry) {
    return registry.get("vigil.anomaly.detected").functionCounter();
  }

  @Test
  void boundToACompositeHoldingTheRegistryTheyAreRegisteredInItOnce() {
    VigilAnomalyMeterRegistry registry = registry();
    SimpleMeterRegistry exported = new SimpleMeterRegistry();
    CompositeMeterRegistry composite = new CompositeMeterRegistry();
    composite.add(exported);
    composite.add(registry);
    registry.metrics().bindTo(composite); // as docs/micrometer.md and Spring Boot do

    step(registry);
    step(registry);

    assertThat(detected(registry)).isNotNull();
    assertThat(detected(exported)).isNotNull();
    assertThat(registry.find("vigil.anomaly.samples.skipped").functionCounters()).hasSize(2);
    assertThat(doubleRegistrations.doubleRegistrationMessages()).isEmpty();
  }

  @Test
  void boundToACompositeAfterTheFirstStepTheyAreRegisteredInItOnce() {
    VigilAnomalyMeterRegistry registry = registry();
    CompositeMeterRegistry composite = new CompositeMeterRegistry();
    composite.add(registry);
    step(registry);

    registry.metrics().bindTo(composite); // Boot binds once the context's singletons exist
    step(registry);

    assertThat(detected(registry)).isNotNull();
    assertThat(doubleRegistrations.doubleRegistrationMessages()).isEmpty();
  }

  @Test
  void boundToTheRegistryAloneTheyAreRegisteredOnce() {
    VigilAnomalyMeterRegistry registry = registry();
    registry.metrics().bindTo(registry); // as Boot binds a MeterBinder to the only registry

    step(registry);

    assertThat(detected(registry)).isNotNull();
    assertThat(doubleRegistrations.doubleRegistrationMessages()).isEmpty();
  }

  @Test
  void unboundTheRegistryHoldsNoneOfThem() {
    VigilAnomalyMeterRegistry registry = registry();

    step(registry);

    assertThat(registry.find("vigil.anomaly.detected").meter()).isNull();
    assertThat(registry.getMeters()).isEmpty();
  }

  @Test
  void theCaptureSeesADoubleRegistration() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    new VigilAnomalyMeterRegistry(key -> key.endsWith(".enabled") ? "false" : null, clock)
        .metrics()
        .bindTo(registry);
    registry().metrics().bindTo(registry); // a second binder, the same names

    assertThat(doubleRegistrations.doubleRegistrationMessages())
        .isNotEmpty()
        .allMatch(m -> m.contains("vigil.anomaly."));
  }
}
