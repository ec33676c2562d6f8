package io.vigil.cli.internal.fleet;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus-compatible store started as a child process on 127.0.0.1: Prometheus 2.53 with
 * its remote-write receiver, or VictoriaMetrics 1.112. The binaries come from
 * scripts/fetch-trixie-backends.sh; without them the test is skipped, except on CI, where it fails.
 */
final class MetricsBackend implements AutoCloseable {

  enum Kind {
    PROMETHEUS,
    VICTORIA_METRICS
  }

  private static final Path DEPS =
      Path.of(
          System.getenv()
              .getOrDefault(
                  "VIGIL_TEST_DEPS", System.getProperty("user.home") + "/.cache/vigil-test-deps"),
          "trixie/usr/bin");

  private final Kind kind;
  private final int port;
  private final Process process;
  private final HttpClient http = HttpClient.newHttpClient();

  private MetricsBackend(Kind kind, Path dir) throws IOException, InterruptedException {
    this.kind = kind;
    this.port = freePort();
    List<String> command =
        switch (kind) {
          case PROMETHEUS -> {
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, "global:\n  scrape_interval: 15s\n");
            yield List.of(
                binary("prometheus").toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port,
                "--web.enable-remote-write-receiver",
                "--storage.tsdb.retention.time=1d");
          }
          case VICTORIA_METRICS ->
              List.of(
                  binary("victoria-metrics").toString(),
                  "-httpListenAddr=127.0.0.1:" + port,
                  "-storageDataPath=" + dir.resolve("data"),
                  "-retentionPeriod=1d",
                  "-search.latencyOffset=0s",
                  "-search.disableCache");
        };
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve(kind.name().toLowerCase() + ".log").toFile())
            .start();
    awaitReady();
  }

  /** Starts the store with its files in {@code dir} and waits until it answers. */
  static MetricsBackend start(Kind kind, Path dir) throws IOException, InterruptedException {
    Path binary = binary(kind == Kind.PROMETHEUS ? "prometheus" : "victoria-metrics");
    if (!Files.isExecutable(binary)) {
      if ("true".equals(System.getenv("CI"))) {
        throw new IllegalStateException(
            binary + " is missing: scripts/setup-test-deps.sh installs it");
      }
      assumeTrue(false, binary + " is missing: run scripts/fetch-trixie-backends.sh");
    }
    return new MetricsBackend(kind, dir);
  }

  /** The Prometheus API root. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** The remote-write endpoint, which both stores serve. */
  URI remoteWrite() {
    return URI.create(url() + "/api/v1/write");
  }

  /** Makes everything written so far visible to queries. */
  void flush() throws IOException, InterruptedException {
    if (kind == Kind.VICTORIA_METRICS) {
      get("/internal/force_flush");
    }
  }

  Kind kind() {
    return kind;
  }

  private void awaitReady() throws IOException, InterruptedException {
    String path = kind == Kind.PROMETHEUS ? "/-/ready" : "/health";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(kind + " exited with " + process.exitValue() + " while starting");
      }
      try {
        if (get(path) == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new IOException(kind + " did not become ready within 60 s");
  }

  private int get(String path) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).build();
    return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static Path binary(String name) {
    return DEPS.resolve(name);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
