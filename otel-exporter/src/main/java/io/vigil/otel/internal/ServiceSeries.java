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
 * spans per server span), its outgoing calls per request by span name, each of its operations, each
 * edge into it.
 */
final class ServiceSeries {

  /** Internal and outgoing spans per server span: the work a request does. */
  static final String WORK = "server.work";

  /** Outgoing spans of one name per server span: a call a request makes, or stopped making. */
  static final String OUTGOING = "server.outgoing";

  final String name;
  final Attributes asClient;
  final Attributes asServer;
  final RedWindow server = new RedWindow("server", "");

  /** Spans of this service's own work (internal and outgoing) in the current step. */
  long work;

  private final Map<String, RedWindow> operations = new HashMap<>();
  private final Map<String, OutgoingCount> outgoing = new HashMap<>();
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

  /**
   * Counts one outgoing (client or producer) span by name; false when the name is new and the cap
   * on names is reached, in which case it counts only in {@link #work}.
   */
  boolean countOutgoing(String spanName, int maxNames) {
    OutgoingCount count = outgoing.get(spanName);
    if (count == null) {
      if (outgoing.size() >= maxNames) {
        return false;
      }
      count = new OutgoingCount(OUTGOING + "{name=" + spanName + "}");
      outgoing.put(spanName, count);
    }
    count.spans++;
    return true;
  }

  void addIncoming(EdgeSeries edge) {
    incoming.add(edge);
  }

  /** Sends every window's signals for the step ending at {@code stepEndMillis}. */
  void emit(SignalListener listener, long stepEndMillis) {
    long calls = server.calls();
    if (calls > 0) {
      listener.onSignal(name, WORK, stepEndMillis, (double) work / calls);
      for (OutgoingCount count : outgoing.values()) {
        listener.onSignal(name, count.signal, stepEndMillis, (double) count.spans / calls);
      }
    }
    work = 0;
    for (OutgoingCount count : outgoing.values()) {
      count.spans = 0;
    }
    server.emit(listener, name, stepEndMillis);
    for (RedWindow window : operations.values()) {
      window.emit(listener, name, stepEndMillis);
    }
    for (EdgeSeries edge : incoming) {
      edge.clientSide.emit(listener, name, stepEndMillis);
      edge.serverSide.emit(listener, name, stepEndMillis);
    }
  }

  /** Outgoing spans of one name in the current step, with the signal's name built once. */
  private static final class OutgoingCount {
    final String signal;
    long spans;

    OutgoingCount(String signal) {
      this.signal = signal;
    }
  }
}
