package io.vigil.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Server-request observations feed the tracker as a framework's instrumentation would. */
class ApmObservationHandlerTest {

  private final MockClock clock = new MockClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
  private final ObservationRegistry observations = ObservationRegistry.create();

  ApmObservationHandlerTest() {
    observations
        .observationConfig()
        .observationHandler(new ApmObservationHandler(ApmTracker.create(registry)));
  }

  @Test
  void aServerRequestObservationIsTimedWithItsKeyValues() {
    RequestReplyReceiverContext<String, String> context =
        new RequestReplyReceiverContext<>((carrier, key) -> null);
    Observation observation =
        Observation.createNotStarted("http.server.requests", () -> context, observations)
            .lowCardinalityKeyValue("method", "POST")
            .start();
    clock.add(Duration.ofMillis(40));
    observation.lowCardinalityKeyValue("uri", "/orders/{id}");
    observation.lowCardinalityKeyValue("status", "500");
    observation.error(new IllegalArgumentException("bad order"));
    observation.stop();

    Timer timer = registry.get("http.server.requests").timer();
    assertThat(timer.count()).isEqualTo(1);
    assertThat(timer.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(40);
    assertThat(timer.getId().getTag("uri")).isEqualTo("/orders/{id}");
    assertThat(timer.getId().getTag("method")).isEqualTo("POST");
    assertThat(timer.getId().getTag("status")).isEqualTo("500");
    assertThat(timer.getId().getTag("outcome")).isEqualTo("SERVER_ERROR");
    assertThat(timer.getId().getTag("exception")).isEqualTo("IllegalArgumentException");
  }

  @Test
  void otherObservationsAreLeftAlone() {
    Observation.createNotStarted("cache.load", observations).start().stop();

    assertThat(registry.find("http.server.requests").timer()).isNull();
  }
}
