package io.vigil.demo;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real metrics store as a child process on 127.0.0.1, fed the demo's metrics the way a team's
 * services feed theirs: Prometheus 2.53 scraping each service's {@code /actuator/prometheus}, or
 * VictoriaMetrics 1.112 receiving OTLP on {@code /opentelemetry/v1/metrics}. The binaries come from
 * scripts/fetch-trixie-backends.sh; without them the test is skipped, except on CI, where it fails.
 */
final class Backend implements AutoCloseable {

  private static final Path BIN =
      Path.of(
          System.getenv()
              .getOrDefault(
                  "VIGIL_TEST_DEPS", System.getProperty("user.home") + "/.cache/vigil-test-deps"),
          "trixie/usr/bin");

  private final String name;
  private final int port;
  private final Process process;
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  private final Path log;

  private Backend(String name, int port, List<String> command, Path dir, String readyPath)
      throws IOException, InterruptedException {
    this.name = name;
    this.log = dir.resolve(name + ".log");
    this.port = port;
    this.process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    awaitReady(readyPath);
  }

  /** Prometheus scraping {@code /actuator/prometheus} of each target every {@code interval}. */
  static Backend prometheusScraping(List<String> targets, Duration interval, Path dir)
      throws IOException, InterruptedException {
    Path binary = binary("prometheus");
    int port = freePort();
    String seconds = interval.toMillis() + "ms";
    Path config = dir.resolve("prometheus.yml");
    Files.writeString(
        config,
        "global:\n  scrape_interval: "
            + seconds
            + "\n  scrape_timeout: "
            + seconds
            + "\nscrape_configs:\n  - job_name: demo\n    metrics_path: /actuator/prometheus\n"
            + "    static_configs:\n      - targets: ["
            + targets.stream().map(t -> "'" + t + "'").collect(Collectors.joining(", "))
            + "]\n");
    return new Backend(
        "prometheus",
        port,
        List.of(
            binary.toString(),
            "--config.file=" + config,
            "--storage.tsdb.path=" + dir.resolve("prometheus-data"),
            "--web.listen-address=127.0.0.1:" + port,
            "--storage.tsdb.retention.time=1d"),
        dir,
        "/-/ready");
  }

  /** VictoriaMetrics taking OTLP, with OTel names turned into Prometheus ones. */
  static Backend victoriaMetrics(Path dir) throws IOException, InterruptedException {
    Path binary = binary("victoria-metrics");
    int port = freePort();
    return new Backend(
        "victoria-metrics",
        port,
        List.of(
            binary.toString(),
            "-httpListenAddr=127.0.0.1:" + port,
            "-storageDataPath=" + dir.resolve("vm-data"),
            "-retentionPeriod=1d",
            "-opentelemetry.usePrometheusNaming",
            "-search.latencyOffset=0s",
            "-search.disableCache"),
        dir,
        "/health");
  }

  /** The Prometheus API root. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The store's OTLP/HTTP metrics endpoint (VictoriaMetrics). */
  String otlpMetricsUrl() {
    return url() + "/opentelemetry/v1/metrics";
  }

  /** The series an instant query answers, as {@code data.result}; fails on an error answer. */
  JsonNode query(String promql) throws IOException, InterruptedException {
    if (name.equals("victoria-metrics")) {
      send("/internal/force_flush");
    }
    HttpResponse<String> answer =
        send("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    JsonNode body = json.readTree(answer.body());
    if (answer.statusCode() != 200 || !"success".equals(body.path("status").asString())) {
      throw new IOException(name + " refused " + promql + ": " + answer.body());
    }
    return body.path("data").path("result");
  }

  /** The values of {@code label} over the series {@code promql} answers, sorted. */
  List<String> labelValues(String promql, String label) throws IOException, InterruptedException {
    List<String> values = new java.util.ArrayList<>();
    for (JsonNode series : query(promql)) {
      values.add(series.path("metric").path(label).asString());
    }
    return values.stream().sorted().distinct().toList();
  }

  private HttpResponse<String> send(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10)).build();
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private void awaitReady(String path) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(
            name
                + " exited with "
                + process.exitValue()
                + " while starting: "
                + Files.readString(log));
      }
      try {
        if (send(path).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IOException(name + " did not become ready within 60 s");
  }

  private static Path binary(String name) {
    Path binary = BIN.resolve(name);
    if (!Files.isExecutable(binary)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(
            binary + " is missing: scripts/setup-test-deps.sh installs it");
      }
      assumeTrue(false, binary + " is missing: run scripts/fetch-trixie-backends.sh");
    }
    return binary;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public String toString() {
    return name + " at " + url();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
