package io.vigil.cli.internal.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * An OTLP/HTTP logs receiver on 127.0.0.1 that keeps every request it gets, decoded with
 * opentelemetry-proto.
 */
final class OtlpReceiver implements AutoCloseable {

  /**
   * One request as it arrived.
   *
   * @param path the request path
   * @param contentType its Content-Type
   * @param tenant its {@code X-Scope-OrgID} header, the one the tests send
   * @param bytes the body as it arrived
   */
  record Request(String path, String contentType, String tenant, byte[] bytes) {

    /** The body, decoded; fails the test when it is not an OTLP logs request. */
    ExportLogsServiceRequest body() {
      try {
        return ExportLogsServiceRequest.parseFrom(bytes);
      } catch (InvalidProtocolBufferException e) {
        throw new AssertionError("not an OTLP logs request", e);
      }
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  OtlpReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    server.createContext(
        "/",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          requests.add(
              new Request(
                  exchange.getRequestURI().getPath(),
                  String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")),
                  String.valueOf(exchange.getRequestHeaders().getFirst("X-Scope-OrgID")),
                  body));
          exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
  }

  /** The base URL to give {@code --otlp-endpoint}. */
  String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  /** Every resource's logs of every request, in arrival order. */
  List<ResourceLogs> resourceLogs() {
    return requests.stream().flatMap(r -> r.body().getResourceLogsList().stream()).toList();
  }

  /** Every log record received, in arrival order. */
  List<LogRecord> records() {
    return resourceLogs().stream()
        .flatMap(r -> r.getScopeLogsList().stream())
        .flatMap(s -> s.getLogRecordsList().stream())
        .toList();
  }

  static Map<String, KeyValue> byKey(List<KeyValue> attributes) {
    return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, kv -> kv));
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
