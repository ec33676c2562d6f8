package io.vigil.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A scripted load on four endpoints: steady traffic, then a latency regression on one of them. The
 * registry, at its default detection settings, must stay silent while the load is steady and report
 * the regressed endpoint within two steps.
 */
class ScriptedLoadTest {

  private static final Map<String, Double> BASE_LATENCY_MS = new LinkedHashMap<>();

  static {
    BASE_LATENCY_MS.put("/checkout", 80.0);
    BASE_LATENCY_MS.put("/cart", 40.0);
    BASE_LATENCY_MS.put("/search", 120.0);
    BASE_LATENCY_MS.put("/login", 25.0);
  }

  private static final int STEADY_STEPS = 90;
  private static final int REGRESSED_STEPS = 6;

  private final MockClock clock = new MockClock();
  private final List<AnomalyEvent> events = new ArrayList<>();
  private final VigilAnomalyMeterRegistry registry =
      VigilAnomalyMeterRegistry.builder(key -> key.equals("vigil.anomaly.enabled") ? "false" : null)
          .clock(clock)
          .watch(VigilMeterFilters.defaults())
          .listener(events::add)
          .build();
  private final Random random = new Random(42);

  @Test
  void reportsTheRegressionWithinTwoStepsAndNothingBefore() {
    for (int step = 0; step < STEADY_STEPS; step++) {
      runStep(1.0);
    }
    assertThat(events).as("anomalies during steady load").isEmpty();

    List<Integer> stepsWithCheckoutEvents = new ArrayList<>();
    for (int step = 1; step <= REGRESSED_STEPS; step++) {
      int before = events.size();
      runStep(3.0);
      if (events.subList(before, events.size()).stream()
          .anyMatch(e -> "/checkout".equals(e.meterId().getTag("uri")))) {
        stepsWithCheckoutEvents.add(step);
      }
    }

    assertThat(stepsWithCheckoutEvents).as("steps reporting /checkout").isNotEmpty();
    assertThat(stepsWithCheckoutEvents.get(0))
        .as("first step reporting /checkout")
        .isLessThanOrEqualTo(2);
    assertThat(events)
        .allSatisfy(
            e -> {
              assertThat(e.meterId().getTag("uri")).isEqualTo("/checkout");
              assertThat(e.name()).isEqualTo("http.server.requests");
              assertThat(e.signal()).isEqualTo(Signal.MEAN);
              assertThat(e.value()).isGreaterThan(e.verdict().upper());
            });
    SimpleMeterRegistry exported = new SimpleMeterRegistry();
    registry.metrics().bindTo(exported);
    assertThat(exported.get("vigil.anomaly.detected").functionCounter().count())
        .isEqualTo(events.size());
  }

  /** One minute of traffic on every endpoint, /checkout slowed by a factor; then publish. */
  private void runStep(double checkoutSlowdown) {
    BASE_LATENCY_MS.forEach(
        (uri, base) -> {
          Timer timer =
              Timer.builder("http.server.requests")
                  .tags("uri", uri, "method", "GET", "status", "200", "outcome", "SUCCESS")
                  .register(registry);
          double slowdown = uri.equals("/checkout") ? checkoutSlowdown : 1.0;
          int requests = 180 + random.nextInt(40);
          for (int i = 0; i < requests; i++) {
            // Log-normal latencies with a 25% spread: a realistic right-skewed service time.
            double ms = base * slowdown * Math.exp(0.25 * random.nextGaussian());
            timer.record(Duration.ofNanos((long) (ms * 1_000_000)));
          }
        });
    clock.add(Duration.ofMinutes(1));
    registry.publish();
  }
}
