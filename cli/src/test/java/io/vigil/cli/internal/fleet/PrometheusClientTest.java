package io.vigil.cli.internal.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.vigil.cli.internal.InputException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted HTTP server: answers, the backend's errors, and no answer. */
class PrometheusClientTest {

  private HttpServer server;
  private final AtomicReference<String> lastBody = new AtomicReference<>();

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void readsAMatrixWithNaNAndPostsTheQueryAsAForm() throws IOException {
    String url =
        serve(
            200,
            """
            {"status":"success","data":{"resultType":"matrix","result":[
              {"metric":{"service":"db"},"values":[[1700000000,"1.5"],[1700000060.5,"NaN"]]}]}}
            """,
            0);
    List<PromSeries> series =
        client(url).queryRange("up{job=\"x\"}", 1_700_000_000_000L, 1_700_000_060_000L, 60_000);
    assertThat(series).hasSize(1);
    assertThat(series.get(0).label("service")).isEqualTo("db");
    assertThat(series.get(0).timestamps()).containsExactly(1_700_000_000_000L, 1_700_000_060_500L);
    assertThat(series.get(0).values()[0]).isEqualTo(1.5);
    assertThat(series.get(0).values()[1]).isNaN();
    assertThat(lastBody.get())
        .contains("query=up%7Bjob%3D%22x%22%7D", "start=1700000000.000", "step=60.000");
  }

  @Test
  void theBackendsOwnErrorIsNamed() throws IOException {
    String url =
        serve(
            400,
            "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error at char 3\"}",
            0);
    assertThatThrownBy(() -> client(url).queryRange("up{", 0, 60_000, 60_000))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("HTTP 400")
        .hasMessageContaining("bad_data: parse error at char 3")
        .hasMessageContaining("up{");
  }

  @Test
  void anAnswerThatIsNoPrometheusApiSaysSo() throws IOException {
    String url = serve(404, "<html>not found</html>", 0);
    assertThatThrownBy(() -> client(url).queryRange("up", 0, 60_000, 60_000))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("HTTP 404")
        .hasMessageContaining("is the URL the API root?");
  }

  @Test
  void anUnreachableBackendIsOneClearError() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port;
    assertThatThrownBy(() -> client(url).queryRange("up", 0, 60_000, 60_000))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("cannot reach the metrics backend at " + url);
  }

  @Test
  void aQueryIsBoundedInTimeAndNotRetried() throws IOException {
    String url = serve(200, "{}", 3_000);
    PrometheusClient client = PrometheusClient.create(url, Duration.ofMillis(300));
    assertThatThrownBy(() -> client.queryRange("up", 0, 60_000, 60_000))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("did not answer within PT0.3S");
    assertThat(client.queryCount()).isEqualTo(1);
  }

  @Test
  void aBackendHoldingNoMatchingSeriesSaysSoAndNamesTheWindow() throws IOException {
    String url =
        serve(
            200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":[]}}", 0);
    FleetIncidents incidents =
        new FleetIncidents(
            client(url),
            FleetQueries.load(null),
            new java.io.PrintWriter(new java.io.StringWriter()),
            100);
    assertThatThrownBy(
            () -> incidents.read(new FleetWindow(0, 3_600_000, 4_500_000, 60_000, 120_000)))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("holds no series matching the graph or signal queries between")
        .hasMessageContaining("1970-01-01T00:00:00Z and 1970-01-01T01:15:00Z");
  }

  @Test
  void anInstantAnswerWhereAMatrixBelongsIsRejected() throws IOException {
    String url = serve(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\"}}", 0);
    assertThatThrownBy(() -> client(url).queryRange("up", 0, 60_000, 60_000))
        .hasMessageContaining("answered a 'vector', expected a matrix");
  }

  @Test
  void aUrlThatIsNoHttpUrlIsRejectedNamingIt() {
    assertThatThrownBy(() -> PrometheusClient.create("ftp://x", Duration.ofSeconds(1)))
        .hasMessageContaining("'ftp://x' must be an http:// or https:// URL");
    assertThatThrownBy(() -> PrometheusClient.create("http://a b", Duration.ofSeconds(1)))
        .hasMessageContaining("'http://a b' is not a URL");
  }

  private PrometheusClient client(String url) {
    return PrometheusClient.create(url, Duration.ofSeconds(5));
  }

  private String serve(int status, String body, long delayMillis) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/v1/query_range",
        exchange -> {
          lastBody.set(
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          try {
            Thread.sleep(delayMillis);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }
}
