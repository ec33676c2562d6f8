package io.vigil.cli.internal.otlp;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Prometheus API on 127.0.0.1 that answers {@code query_range} for a four-service fleet ({@code
 * web} calls {@code api} and {@code cache}, {@code api} calls {@code db}) with one fault in {@code
 * db}: latency x20 and 30% errors that show in its callers. It understands no PromQL: the watch
 * gets {@link #queries} through {@code --queries}, which name each answer.
 */
final class ScriptedFleet implements AutoCloseable {

  static final String FAULTY = "db";

  private static final String[] SERVICES = {"web", "api", "cache", "db"};
  private static final Map<String, Double> OWN_MILLIS =
      Map.of("web", 2.0, "api", 3.0, "cache", 1.0, "db", 5.0);

  private final HttpServer server;
  private final AtomicInteger answered = new AtomicInteger();
  private volatile long faultStart;
  private volatile long faultEnd;

  /** Serves the fleet with the fault in {@code db} over {@code [faultStart, faultEnd)}. */
  ScriptedFleet(long faultStart, long faultEnd) throws IOException {
    this.faultStart = faultStart;
    this.faultEnd = faultEnd;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    server.createContext(
        "/api/v1/query_range",
        exchange -> {
          Map<String, String> form =
              form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          byte[] body = answer(form).getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
          answered.incrementAndGet();
        });
    server.start();
  }

  /** Moves the fault to {@code [start, end)}, for a live watch once it has warmed up. */
  void fault(long start, long end) {
    faultStart = start;
    faultEnd = end;
  }

  /** Queries answered so far. */
  int answered() {
    return answered.get();
  }

  /** The API root. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The {@code --queries} file that maps the graph and two signals onto this fleet's answers. */
  static Path queries(Path dir) throws IOException {
    StringBuilder file = new StringBuilder("graph = edges\n");
    file.append("server.latency.mean = latency\nserver.errors = errors\n");
    for (String removed :
        new String[] {
          "server.calls",
          "server.latency.p99",
          "client.latency.mean",
          "http.latency.mean",
          "http.errors",
          "cpu",
          "memory"
        }) {
      file.append(removed).append(" =\n");
    }
    return Files.writeString(dir.resolve("queries.properties"), file);
  }

  private String answer(Map<String, String> form) {
    long start = Math.round(Double.parseDouble(form.get("start")) * 1000);
    long end = Math.round(Double.parseDouble(form.get("end")) * 1000);
    long step = Math.round(Double.parseDouble(form.get("step")) * 1000);
    String query = form.get("query");
    StringBuilder result = new StringBuilder();
    if (query.equals("edges")) {
      String[][] edges = {{"web", "api"}, {"web", "cache"}, {"api", "db"}};
      for (String[] e : edges) {
        series(result, "\"client\":\"" + e[0] + "\",\"server\":\"" + e[1] + "\"");
        points(result, start, end, step, t -> 10.0);
      }
    } else {
      for (String service : SERVICES) {
        series(result, "\"service\":\"" + service + "\"");
        points(result, start, end, step, t -> signal(query, service, t));
      }
    }
    return "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
        + result
        + "]}}";
  }

  /** A service's latency is its own plus its callees'; its errors its own plus half of theirs. */
  private double signal(String query, String service, long t) {
    boolean faulty = service.equals(FAULTY) && t >= faultStart && t < faultEnd;
    Random noise = new Random(31L * t + service.hashCode() + query.hashCode());
    if (query.equals("latency")) {
      double own = OWN_MILLIS.get(service) * (1 + 0.05 * noise.nextGaussian()) * (faulty ? 20 : 1);
      return switch (service) {
        case "web" -> own + signal(query, "api", t) + signal(query, "cache", t);
        case "api" -> own + signal(query, "db", t);
        default -> own;
      };
    }
    double own = Math.abs(0.001 * (1 + 0.2 * noise.nextGaussian())) + (faulty ? 0.3 : 0);
    return switch (service) {
      case "web" -> own + 0.5 * signal(query, "api", t);
      case "api" -> own + 0.5 * signal(query, "db", t);
      default -> own;
    };
  }

  private static void series(StringBuilder result, String labels) {
    if (!result.isEmpty()) {
      result.append(',');
    }
    result.append("{\"metric\":{").append(labels).append("},\"values\":[");
  }

  private static void points(
      StringBuilder result,
      long start,
      long end,
      long step,
      java.util.function.LongToDoubleFunction value) {
    for (long t = start; t <= end; t += step) {
      if (t > start) {
        result.append(',');
      }
      result.append(
          String.format(Locale.ROOT, "[%.3f,\"%s\"]", t / 1000.0, value.applyAsDouble(t)));
    }
    result.append("]}");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> form = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      form.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return form;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
