package io.vigil.otel;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * One service of the end-to-end tests: a JDK HttpServer on 127.0.0.1, instrumented with the
 * OpenTelemetry API (a SERVER span per request, a CLIENT span per downstream call, W3C trace
 * context in the headers), that calls the next service if it has one. It can be made slow and
 * failing.
 */
final class LoopbackService implements AutoCloseable {

  private static final W3CTraceContextPropagator PROPAGATOR =
      W3CTraceContextPropagator.getInstance();
  private static final TextMapGetter<HttpExchange> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpExchange exchange) {
          return exchange.getRequestHeaders().keySet();
        }

        @Override
        public @Nullable String get(@Nullable HttpExchange exchange, String key) {
          return exchange == null ? null : exchange.getRequestHeaders().getFirst(key);
        }
      };

  final String name;
  private final Tracer tracer;
  private final @Nullable LoopbackService downstream;
  private final HttpClient client;
  private final HttpServer server;
  private final ExecutorService workers = Executors.newFixedThreadPool(4);
  private volatile long extraDelayMillis;
  private volatile double failureRatio;

  LoopbackService(String name, Tracer tracer, @Nullable LoopbackService downstream)
      throws IOException {
    this.name = name;
    this.tracer = tracer;
    this.downstream = downstream;
    this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
    server.createContext("/", this::handle);
    server.setExecutor(workers);
    server.start();
  }

  int port() {
    return server.getAddress().getPort();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + port() + "/" + name);
  }

  /** From now on, every request takes {@code millis} longer and this share of them fail. */
  void degrade(long millis, double failures) {
    this.extraDelayMillis = millis;
    this.failureRatio = failures;
  }

  private void handle(HttpExchange exchange) throws IOException {
    Context parent = PROPAGATOR.extract(Context.root(), exchange, HEADERS);
    Span span =
        tracer
            .spanBuilder("GET /" + name)
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute("http.request.method", "GET")
            .setAttribute("url.path", "/" + name)
            .startSpan();
    int status = 200;
    try (Scope ignored = span.makeCurrent()) {
      if (downstream != null) {
        status = call(downstream);
      }
      long delay = extraDelayMillis;
      if (delay > 0) {
        Thread.sleep(delay);
      }
      if (ThreadLocalRandom.current().nextDouble() < failureRatio) {
        status = 500;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = 503;
    } finally {
      span.setAttribute("http.response.status_code", status);
      if (status >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
      byte[] body = (name + " " + status).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
      span.end();
    }
  }

  /** One downstream call inside a CLIENT span, the trace context in its headers. */
  private int call(LoopbackService next) throws InterruptedException {
    Span span =
        tracer
            .spanBuilder("GET")
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute("http.request.method", "GET")
            .setAttribute("server.address", "127.0.0.1")
            .setAttribute("server.port", (long) next.port())
            .startSpan();
    try (Scope ignored = span.makeCurrent()) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(next.uri()).timeout(Duration.ofSeconds(10));
      PROPAGATOR.inject(Context.current(), request, HttpRequest.Builder::header);
      int status =
          client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
      span.setAttribute("http.response.status_code", (long) status);
      if (status >= 500) {
        span.setStatus(StatusCode.ERROR);
      }
      return status;
    } catch (IOException e) {
      span.setStatus(StatusCode.ERROR, e.toString());
      return 502;
    } finally {
      span.end();
    }
  }

  /** Sends one request from outside (no trace context), returning its status. */
  static int request(HttpClient client, LoopbackService entry) throws InterruptedException {
    try {
      return client
          .send(HttpRequest.newBuilder(entry.uri()).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }

  static void closeAll(List<LoopbackService> services) {
    services.forEach(LoopbackService::close);
  }
}
