package io.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The six services over real HTTP: one trace across all of them, and faults that bite. */
class DemoSystemTest {

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static DemoSystem system;
  private static InMemorySpanExporter spans;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    system = DemoSystem.start(Map.of());
    spans = InMemorySpanExporter.create();
    system.shared().getBean(SharedSpanExporter.class).add(spans);
  }

  @AfterAll
  static void stop() {
    system.close();
  }

  @AfterEach
  void clearFaults() {
    system.clearFaults();
  }

  @Test
  void oneRequestIsOneW3cTraceThroughAllSixServices() throws Exception {
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    HttpRequest traced =
        HttpRequest.newBuilder(URI.create(system.url(Topology.ENTRY) + "/work"))
            .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
            .build();
    assertThat(http.send(traced, HttpResponse.BodyHandlers.discarding()).statusCode())
        .isEqualTo(200);
    Set<String> services = Set.of();
    for (int i = 0; i < 100 && services.size() < 6; i++) {
      Thread.sleep(100);
      services =
          spans.getFinishedSpanItems().stream()
              .filter(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(traceId))
              .map(s -> s.getResource().getAttribute(SERVICE_NAME))
              .collect(Collectors.toSet());
    }
    assertThat(services)
        .containsExactlyInAnyOrder(
            "web-frontend",
            "user-service",
            "product-service",
            "database",
            "cache",
            "search-service");
  }

  @Test
  void injectedErrorsInTheDatabaseFailRequestsAtTheFrontendUntilCleared() throws Exception {
    system.inject("database", Fault.ERRORS);
    int failed = 0;
    for (int i = 0; i < 30; i++) {
      failed += get().statusCode() >= 500 ? 1 : 0;
    }
    // Each request reaches the database twice, failing each time with p = 0.4: P(no failure in
    // 30 requests) = 0.36^30, about 1e-13.
    assertThat(failed).isBetween(1, 30);

    system.clearFaults();
    for (int i = 0; i < 10; i++) {
      assertThat(get().statusCode()).isEqualTo(200);
    }
  }

  @Test
  void injectedLatencyInTheSearchServiceSlowsEveryRequest() throws Exception {
    system.inject("search-service", Fault.LATENCY);
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      assertThat(get().statusCode()).isEqualTo(200);
      assertThat((System.nanoTime() - start) / 1_000_000)
          .isGreaterThanOrEqualTo(Fault.ADDED_LATENCY_MILLIS);
    }
  }

  @Test
  void theLoadGeneratorSkipsTicksRatherThanQueueingBehindASlowSystem() throws Exception {
    system.inject("web-frontend", Fault.LATENCY);
    try (LoadGenerator load =
        new LoadGenerator(URI.create(system.url(Topology.ENTRY) + "/work"), 100, 2)) {
      Thread.sleep(1_000);
      LoadStats stats = load.stats();
      // 150 ms per request, two at a time: at most ~14 complete in a second, the rest are skipped.
      assertThat(stats.skipped()).isGreaterThan(50);
      assertThat(stats.completed()).isLessThanOrEqualTo(16);
    }
  }

  @Test
  void unknownServicesAndFaultsAreRefusedByName() {
    assertThatThrownBy(() -> system.inject("datbase", Fault.CPU))
        .hasMessageContaining("'datbase'")
        .hasMessageContaining("database");
    assertThatThrownBy(() -> Fault.parse("slow"))
        .hasMessageContaining("'slow'")
        .hasMessageContaining("latency+errors");
  }

  private HttpResponse<String> get() throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(system.url(Topology.ENTRY) + "/work")).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
