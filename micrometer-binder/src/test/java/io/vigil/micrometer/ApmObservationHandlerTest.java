package io.vigil.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.time.Duration;
import java.util.List;
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

    Timer timer = registry.get("vigil.apm.requests").timer();
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

    assertThat(registry.find("vigil.apm.requests").timer()).isNull();
  }

  @Test
  void livesBesideSpringBootsOwnServerRequestMetersInOnePrometheusRegistry() {
    PrometheusMeterRegistry prometheus =
        new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, new PrometheusRegistry(), clock);
    ObservationRegistry boot = ObservationRegistry.create();
    // What Spring Boot configures: Micrometer's default handler times every observation under its
    // own name, http.server.requests with Boot's tag keys; Vigil's tracker records beside it.
    boot.observationConfig()
        .observationHandler(new DefaultMeterObservationHandler(prometheus))
        .observationHandler(new ApmObservationHandler(ApmTracker.create(prometheus)));

    for (String status : List.of("200", "503")) {
      RequestReplyReceiverContext<String, String> context =
          new RequestReplyReceiverContext<>((carrier, key) -> null);
      Observation observation =
          Observation.createNotStarted("http.server.requests", () -> context, boot)
              .lowCardinalityKeyValue("method", "GET")
              .lowCardinalityKeyValue("uri", "/api/users")
              .lowCardinalityKeyValue("exception", "none")
              .lowCardinalityKeyValue("outcome", status.equals("200") ? "SUCCESS" : "SERVER_ERROR")
              .lowCardinalityKeyValue("status", status)
              .start();
      clock.add(Duration.ofMillis(20));
      observation.stop();
    }

    String scrape = prometheus.scrape();
    assertThat(scrape)
        .contains(
            "http_server_requests_seconds_count{error=\"none\",exception=\"none\",method=\"GET\","
                + "outcome=\"SUCCESS\",status=\"200\",uri=\"/api/users\"} 1",
            "http_server_requests_seconds_count{error=\"none\",exception=\"none\",method=\"GET\","
                + "outcome=\"SERVER_ERROR\",status=\"503\",uri=\"/api/users\"} 1",
            "vigil_apm_requests_seconds_count{exception=\"none\",method=\"GET\","
                + "outcome=\"SUCCESS\",status=\"200\",uri=\"/api/users\"} 1",
            "vigil_apm_requests_seconds_count{exception=\"none\",method=\"GET\","
                + "outcome=\"SERVER_ERROR\",status=\"503\",uri=\"/api/users\"} 1",
            "http_server_requests_active_seconds_count{exception=\"none\",method=\"GET\",",
            "vigil_apm_requests_active_seconds_count{method=\"GET\",uri=\"/api/users\"} 0",
            "vigil_apm_requests_seconds_bucket{");
  }
}
