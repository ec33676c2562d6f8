package io.vigil.cli.internal.fleet;

import io.vigil.cli.internal.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client for the Prometheus HTTP API's {@code query_range}, as Prometheus, VictoriaMetrics,
 * Thanos and Mimir serve it. Every query is bounded in time and in the size of its answer, and is
 * never retried: a backend that cannot answer gets a clear error naming it and the query.
 */
final class PrometheusClient {

  /** Largest answer read, in bytes; past it the query fails rather than filling the heap. */
  static final long MAX_ANSWER_BYTES = 256L << 20;

  private final URI base;
  private final Duration timeout;
  private final HttpClient http;
  private final AtomicInteger queries = new AtomicInteger();

  private PrometheusClient(URI base, Duration timeout) {
    this.base = base;
    this.timeout = timeout;
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /** A client for the API root {@code url} (such as {@code http://127.0.0.1:9090}). */
  static PrometheusClient create(String url, Duration timeout) {
    URI uri;
    try {
      uri = URI.create(url.endsWith("/") ? url : url + "/");
    } catch (IllegalArgumentException e) {
      throw new InputException("--prometheus: '" + url + "' is not a URL: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new InputException(
          "--prometheus: '" + url + "' must be an http:// or https:// URL with a host");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new InputException("--timeout must be positive but was " + timeout);
    }
    return new PrometheusClient(uri, timeout);
  }

  /** Evaluates {@code promql} at every step from {@code startMillis} to {@code endMillis}. */
  List<PromSeries> queryRange(String promql, long startMillis, long endMillis, long stepMillis) {
    String form =
        "query="
            + URLEncoder.encode(promql, StandardCharsets.UTF_8)
            + "&start="
            + seconds(startMillis)
            + "&end="
            + seconds(endMillis)
            + "&step="
            + seconds(stepMillis)
            + "&timeout="
            + timeout.toSeconds()
            + "s";
    HttpRequest request =
        HttpRequest.newBuilder(base.resolve("api/v1/query_range"))
            .timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build();
    queries.incrementAndGet();
    HttpResponse<InputStream> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (HttpTimeoutException e) {
      throw new InputException(
          "the metrics backend at " + base + " did not answer within " + timeout + ": " + promql);
    } catch (ConnectException e) {
      throw new InputException("cannot reach the metrics backend at " + base + ": " + reason(e));
    } catch (IOException e) {
      throw new InputException("the metrics backend at " + base + " failed: " + reason(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InputException("interrupted while querying " + base);
    }
    try (InputStream body = new BoundedInputStream(response.body(), MAX_ANSWER_BYTES)) {
      return QueryRangeAnswer.parse(body, response.statusCode(), base + " for " + promql);
    } catch (IOException e) {
      throw new InputException(
          "the metrics backend at " + base + " broke off its answer: " + reason(e), e);
    }
  }

  /** Queries sent so far, answered or not. */
  int queryCount() {
    return queries.get();
  }

  /** The API root, for messages. */
  URI base() {
    return base;
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
  }

  private static String reason(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** Counts bytes read and fails past the limit. */
  private static final class BoundedInputStream extends java.io.FilterInputStream {
    private final long limit;
    private long read;

    BoundedInputStream(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = super.read(buffer, offset, length);
      if (n > 0) {
        count(n);
      }
      return n;
    }

    private void count(int n) throws IOException {
      read += n;
      if (read > limit) {
        throw new IOException("answer larger than " + limit + " bytes");
      }
    }
  }
}
