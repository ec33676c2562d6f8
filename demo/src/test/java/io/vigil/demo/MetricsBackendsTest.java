package io.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's services feed two real stores the way a team's services feed theirs: Prometheus 2.53
 * scrapes every service's {@code /actuator/prometheus}, and every service pushes its meters over
 * OTLP to VictoriaMetrics 1.112. Both stores' query APIs then answer for every service.
 */
class MetricsBackendsTest {

  private static final List<String> SERVICES =
      List.of(
          "cache", "database", "product-service", "search-service", "user-service", "web-frontend");

  private static final List<String> CALLEES =
      List.of("cache", "database", "product-service", "search-service", "user-service");

  @Test
  void prometheusScrapesAndVictoriaMetricsReceivesOtlpFromEveryService(@TempDir Path dir)
      throws Exception {
    try (Backend vm = Backend.victoriaMetrics(dir)) {
      Map<String, Object> overrides = new HashMap<>();
      overrides.put("management.otlp.metrics.export.enabled", "true");
      overrides.put("management.otlp.metrics.export.url", vm.otlpMetricsUrl());
      overrides.put("management.otlp.metrics.export.step", "1s");
      overrides.put("management.otlp.metrics.export.base-time-unit", "seconds");
      // Without buckets Micrometer's OTLP registry sends a timer that VictoriaMetrics 1.112 does
      // not store; as a histogram it does.
      overrides.put(
          "management.metrics.distribution.percentiles-histogram.http.server.requests", "true");
      overrides.put(DemoProperties.GRAPH_METRICS_OTLP_URL, vm.otlpMetricsUrl());
      try (DemoSystem system = DemoSystem.start(overrides);
          LoadGenerator load =
              new LoadGenerator(URI.create(system.url(Topology.ENTRY) + "/work"), 20, 8);
          Backend prometheus =
              Backend.prometheusScraping(targets(system), Duration.ofSeconds(1), dir)) {
        for (Backend backend : List.of(prometheus, vm)) {
          // Micrometer's own HTTP meter, Vigil's registry's own meters, and Vigil's graph metrics
          // (written through the OpenTelemetry Metrics API, scraped from the console's
          // /actuator/prometheus or pushed over OTLP).
          assertThat(
                  await(
                      backend,
                      "sum by (application) (http_server_requests_seconds_count)",
                      "application",
                      SERVICES))
              .as("services with HTTP meters in %s", backend)
              .containsAll(SERVICES);
          assertThat(
                  await(
                      backend,
                      "count by (application) ({__name__=~\"vigil_anomaly_.+\"})",
                      "application",
                      SERVICES))
              .as("services with Vigil's meters in %s", backend)
              .containsAll(SERVICES);
          assertThat(
                  await(
                      backend,
                      "sum by (server) (traces_service_graph_request_total)",
                      "server",
                      CALLEES))
              .as("callees in the graph metrics of %s", backend)
              .containsAll(CALLEES);
        }
      }
    }
  }

  /** Polls the query for up to a minute until the label's values include every one expected. */
  private static List<String> await(
      Backend backend, String query, String label, List<String> expected) throws Exception {
    List<String> values = List.of();
    for (int i = 0; i < 60 && !values.containsAll(expected); i++) {
      Thread.sleep(1_000);
      values = backend.labelValues(query, label);
    }
    return values;
  }

  private static List<String> targets(DemoSystem system) {
    List<String> targets = new ArrayList<>();
    for (String service : Topology.startOrder()) {
      targets.add(system.url(service).substring("http://".length()));
    }
    targets.add(system.consoleUrl().substring("http://".length()));
    return targets;
  }
}
