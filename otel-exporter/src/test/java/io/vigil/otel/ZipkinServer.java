package io.vigil.otel;

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
import org.jspecify.annotations.Nullable;

/**
 * A real Zipkin server (the {@code zipkin-server} exec jar the build fetches into target), run as a
 * child process on 127.0.0.1 with in-memory storage, that the test can stop and start again on the
 * same port.
 */
final class ZipkinServer implements AutoCloseable {

  private final Path jar;
  private final int port;
  private final Path log;
  private final HttpClient client = HttpClient.newHttpClient();
  private @Nullable Process process;

  ZipkinServer(Path jar, Path log) throws IOException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "zipkin-server jar not found at " + jar + "; run through maven-failsafe (mvn verify)");
    }
    this.jar = jar;
    this.log = log;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      this.port = socket.getLocalPort();
    }
  }

  String spansEndpoint() {
    return "http://127.0.0.1:" + port + "/api/v2/spans";
  }

  /** Starts the server and waits until it answers its health check. */
  void start() throws IOException, InterruptedException {
    String java = ProcessHandle.current().info().command().orElse("java");
    process =
        new ProcessBuilder(
                List.of(
                    java,
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    "-jar",
                    jar.toString(),
                    "--server.port=" + port,
                    "--armeria.ports[0].port=" + port,
                    "--armeria.ports[0].ip=127.0.0.1",
                    "--armeria.ports[0].protocols[0]=http"))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "zipkin exited with " + process.exitValue() + "; see " + log);
      }
      if (get("/health") != null) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException("zipkin did not become healthy in 180 s; see " + log);
  }

  /** Stops the server and waits for it to exit. */
  void stop() throws InterruptedException {
    Process running = process;
    if (running != null) {
      running.destroy();
      if (!running.waitFor(30, TimeUnit.SECONDS)) {
        running.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
      process = null;
    }
  }

  /** The number of spans Zipkin holds for a service within the last {@code lookback}. */
  int spanCount(String service, Duration lookback) throws InterruptedException {
    String body =
        get(
            "/api/v2/traces?serviceName="
                + service
                + "&limit=100000&lookback="
                + lookback.toMillis()
                + "&endTs="
                + System.currentTimeMillis());
    if (body == null) {
      return -1;
    }
    int count = 0;
    for (int i = body.indexOf("\"traceId\""); i >= 0; i = body.indexOf("\"traceId\"", i + 1)) {
      count++;
    }
    return count;
  }

  private @Nullable String get(String path) throws InterruptedException {
    try {
      HttpResponse<String> response =
          client.send(
              HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? response.body() : null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop();
  }
}
