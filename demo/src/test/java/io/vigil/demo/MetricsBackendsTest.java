package io.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.VigilCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

  private static final Duration BASELINE = Duration.ofSeconds(60);
  private static final Duration FAULT = Duration.ofSeconds(40);
  private static final Duration WARMUP = Duration.ofSeconds(30);
  private static final Duration INGEST = Duration.ofSeconds(3);
  private final JsonMapper json = JsonMapper.builder().build();

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
        long storesStarted = System.currentTimeMillis();
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

        // Fleet-wide RCA on each store: a warm-up, a minute of normal traffic, then a fault in the
        // database. The baseline starts after the warm-up: the first seconds of load (the JIT
        // compiling, pools filling) are several times slower and would widen every service's
        // normal spread by a different amount.
        long normalUntil =
            Math.max(System.currentTimeMillis(), storesStarted + WARMUP.toMillis())
                + BASELINE.toMillis();
        Thread.sleep(Math.max(0, normalUntil - System.currentTimeMillis()));
        long injected = System.currentTimeMillis();
        system.inject("database", Fault.LATENCY_ERRORS);
        // Query once the window's last samples are in (a push or a scrape every second, each
        // service at its own phase), or its last points hold some services' fault and not others'.
        Thread.sleep(FAULT.toMillis() + INGEST.toMillis());
        Path queries = dir.resolve("queries.properties");
        // One JVM hosts every service, so its CPU and memory say nothing about any one of them.
        Files.writeString(queries, "cpu =\nmemory =\n");
        for (Backend backend : List.of(prometheus, vm)) {
          String[] out =
              vigil(
                  "rca",
                  "--prometheus",
                  backend.url(),
                  "--from",
                  Instant.ofEpochMilli(injected).toString(),
                  "--to",
                  Instant.ofEpochMilli(injected + FAULT.toMillis()).toString(),
                  "--step",
                  "2s",
                  "--rate-window",
                  "6s",
                  "--baseline",
                  BASELINE.toSeconds() + "s",
                  "--queries",
                  queries.toString(),
                  "--format",
                  "json");
          System.out.println(backend + ": " + out[1].strip());
          JsonNode causes = json.readTree(out[0]).path("causes");
          for (int i = 0; i < Math.min(3, causes.size()); i++) {
            JsonNode c = causes.path(i);
            System.out.printf(
                "%s: %d. %s score %.3f onset %s%n",
                backend,
                i + 1,
                c.path("service").asString(),
                c.path("score").asDouble(),
                c.path("onset").asString());
          }
          assertThat(causes.path(0).path("service").asString())
              .as("first cause on %s: %s", backend, out[0])
              .isEqualTo("database");
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

  private static String[] vigil(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = VigilCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    assertThat(code).as("exit code of vigil %s; stderr: %s", List.of(args), err).isZero();
    return new String[] {out.toString(), err.toString()};
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
