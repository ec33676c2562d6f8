package io.vigil.otel.internal;

import io.opentelemetry.api.common.Attributes;
import io.vigil.live.SignalListener;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One service's step windows: its server side, the work per request (its internal and outgoing
 * spans per server span), each of its operations, each edge into it.
 */
final class ServiceSeries {

  /** Internal and outgoing spans per server span: the work a request does. */
  static final String WORK = "server.work";

  final String name;
  final Attributes asClient;
  final Attributes asServer;
  final RedWindow server = new RedWindow("server", "");

  /** Spans of this service's own work (internal and outgoing) in the current step. */
  long work;

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
    long calls = server.calls();
    if (calls > 0) {
      listener.onSignal(name, WORK, stepEndMillis, (double) work / calls);
    }
    work = 0;
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
