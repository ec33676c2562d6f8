package io.vigil.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Request tracking by id, its meters and its bounds. */
class ApmTrackerTest {

  private final MockClock clock = new MockClock();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

  @Test
  void recordsDurationStatusOutcomeAndActiveRequests() {
    ApmTracker tracker = ApmTracker.create(registry);

    tracker.startRequest("req123", "/api/users", "GET");
    tracker.startRequest("req124", "/api/users", "GET");
    assertThat(registry.get("vigil.apm.requests.active").longTaskTimer().activeTasks())
        .isEqualTo(2);
    clock.add(Duration.ofMillis(100));
    tracker.endRequest("req123", 200);
    tracker.endRequest("req124", 503, new IllegalStateException("db down"));

    Timer ok = registry.get("vigil.apm.requests").tag("status", "200").timer();
    assertThat(ok.count()).isEqualTo(1);
    assertThat(ok.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(100);
    assertThat(ok.getId().getTag("uri")).isEqualTo("/api/users");
    assertThat(ok.getId().getTag("method")).isEqualTo("GET");
    assertThat(ok.getId().getTag("outcome")).isEqualTo("SUCCESS");
    assertThat(ok.getId().getTag("exception")).isEqualTo("none");
    Timer failed = registry.get("vigil.apm.requests").tag("status", "503").timer();
    assertThat(failed.getId().getTag("outcome")).isEqualTo("SERVER_ERROR");
    assertThat(failed.getId().getTag("exception")).isEqualTo("IllegalStateException");
    assertThat(tracker.activeRequests()).isZero();
    assertThat(registry.get("vigil.apm.requests.active").longTaskTimer().activeTasks()).isZero();
  }

  @Test
  void theDurationTimerPublishesAHistogram() {
    PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ApmTracker tracker = ApmTracker.create(prometheus);
    tracker.startRequest("a", "/x", "GET");
    tracker.endRequest("a", 200);

    assertThat(prometheus.scrape()).contains("vigil_apm_requests_seconds_bucket{");
  }

  @Test
  void unknownAndRepeatedIdsAreIgnored() {
    ApmTracker tracker = ApmTracker.create(registry);

    tracker.endRequest("never-started", 200);
    tracker.startRequest("a", "/x", "GET");
    tracker.startRequest("a", "/y", "POST");
    tracker.endRequest("a", 200);
    tracker.endRequest("a", 200);

    assertThat(registry.get("vigil.apm.requests").timer().count()).isEqualTo(1);
    assertThat(registry.get("vigil.apm.requests").timer().getId().getTag("uri")).isEqualTo("/x");
    assertThat(
            registry
                .get("vigil.apm.requests.active")
                .tag("uri", "/y")
                .longTaskTimer()
                .activeTasks())
        .isZero();
  }

  @Test
  void requestsThatNeverEndExpireAndAreCounted() {
    ApmTracker tracker = ApmTracker.builder(registry).timeout(Duration.ofMinutes(1)).build();
    for (int i = 0; i < 100; i++) {
      tracker.startRequest(i, "/slow", "GET");
    }
    clock.add(Duration.ofSeconds(61));

    tracker.startRequest("fresh", "/fast", "GET");

    assertThat(tracker.activeRequests()).isEqualTo(1);
    assertThat(registry.get("vigil.apm.requests.expired").counter().count()).isEqualTo(100);
    assertThat(
            registry
                .get("vigil.apm.requests.active")
                .tag("uri", "/slow")
                .longTaskTimer()
                .activeTasks())
        .isZero();
    tracker.endRequest(5, 200);
    assertThat(registry.find("vigil.apm.requests").timer())
        .as("an expired request is gone")
        .isNull();
  }

  @Test
  void inFlightRequestsAreBoundedAndOverflowIsCounted() {
    ApmTracker tracker = ApmTracker.builder(registry).maxActive(10).build();
    for (int i = 0; i < 25; i++) {
      tracker.startRequest(i, "/x", "GET");
    }

    assertThat(tracker.activeRequests()).isEqualTo(10);
    assertThat(registry.get("vigil.apm.requests.overflow").counter().count()).isEqualTo(15);
  }

  @Test
  void whenFullStaleRequestsMakeRoomBeforeANewOneIsRefused() {
    ApmTracker tracker =
        ApmTracker.builder(registry).maxActive(10).timeout(Duration.ofMinutes(1)).build();
    for (int i = 0; i < 10; i++) {
      tracker.startRequest(i, "/x", "GET");
    }
    clock.add(Duration.ofSeconds(50));
    tracker.startRequest("refused", "/x", "GET"); // sweeps (nothing stale yet), then refuses
    clock.add(Duration.ofSeconds(11)); // the first ten are stale; the next sweep is not yet due

    tracker.startRequest("accepted", "/x", "GET");

    assertThat(tracker.activeRequests()).isEqualTo(1);
    assertThat(registry.get("vigil.apm.requests.overflow").counter().count()).isEqualTo(1);
    assertThat(registry.get("vigil.apm.requests.expired").counter().count()).isEqualTo(10);
  }

  @Test
  void aClockThatGoesBackIsCountedNotRecorded() {
    ApmTracker tracker = ApmTracker.create(registry);
    tracker.startRequest("a", "/x", "GET");
    clock.add(-5, TimeUnit.MILLISECONDS);

    tracker.endRequest("a", 200);

    assertThat(registry.get("vigil.apm.requests.invalid").counter().count()).isEqualTo(1);
    assertThat(registry.find("vigil.apm.requests").timer()).isNull();
  }

  @Test
  void aCustomNameAndBadSettingsAreNamed() {
    ApmTracker tracker = ApmTracker.builder(registry).name("checkout.requests").build();
    tracker.startRequest("a", "/x", "GET");
    tracker.endRequest("a", 200);
    assertThat(registry.get("checkout.requests").timer().count()).isEqualTo(1);

    assertThatThrownBy(() -> ApmTracker.builder(registry).maxActive(0))
        .hasMessageContaining("maxActive")
        .hasMessageContaining("0");
    assertThatThrownBy(() -> ApmTracker.builder(registry).timeout(Duration.ZERO))
        .hasMessageContaining("timeout");
  }

  @Test
  void nullsOnTheRequestPathNeverThrow() {
    ApmTracker tracker = ApmTracker.create(registry);

    tracker.startRequest(null, "/x", "GET");
    tracker.endRequest(null, 200);
    tracker.startRequest("a", null, null);
    tracker.endRequest("a", 200, null);

    Timer timer = registry.get("vigil.apm.requests").timer();
    assertThat(timer.count()).isEqualTo(1);
    assertThat(timer.getId().getTag("uri")).isEqualTo("UNKNOWN");
    assertThat(timer.getId().getTag("method")).isEqualTo("UNKNOWN");
  }
}
