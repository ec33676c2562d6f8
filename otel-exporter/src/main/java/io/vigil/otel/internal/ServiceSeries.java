package io.vigil.otel.internal;

import io.opentelemetry.api.common.Attributes;
import io.vigil.live.SignalListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One service's step windows: its server side, each of its operations, each edge into it. */
final class ServiceSeries {

  final String name;
  final Attributes asClient;
  final Attributes asServer;
  final RedWindow server = new RedWindow("server", "");
  private final Map<String, RedWindow> operations = new HashMap<>();
  private final List<EdgeSeries> incoming = new ArrayList<>();

  ServiceSeries(String name) {
    this.name = name;
    this.asClient = Attributes.of(EdgeSeries.CLIENT, name);
    this.asServer = Attributes.of(EdgeSeries.SERVER, name);
  }

  /** The window of an operation, created if the cap allows; null past it. */
  @Nullable RedWindow operation(String operation, int maxOperations) {
    RedWindow window = operations.get(operation);
    if (window == null && operations.size() < maxOperations) {
      window = new RedWindow("operation", "{name=" + operation + "}");
      operations.put(operation, window);
    }
    return window;
  }

  void addIncoming(EdgeSeries edge) {
    incoming.add(edge);
  }

  /** Sends every window's signals for the step ending at {@code stepEndMillis}. */
  void emit(SignalListener listener, long stepEndMillis) {
    server.emit(listener, name, stepEndMillis);
    for (RedWindow window : operations.values()) {
      window.emit(listener, name, stepEndMillis);
    }
    for (EdgeSeries edge : incoming) {
      edge.clientSide.emit(listener, name, stepEndMillis);
      edge.serverSide.emit(listener, name, stepEndMillis);
    }
  }
}
