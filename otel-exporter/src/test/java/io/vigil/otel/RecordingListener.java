package io.vigil.otel;

import io.vigil.live.SignalListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every signal value it receives, by service and signal name. */
final class RecordingListener implements SignalListener {

  record Value(String service, String signal, long timestampMillis, double value) {}

  final List<Value> values = new CopyOnWriteArrayList<>();
  private final Map<String, Double> latest = new ConcurrentHashMap<>();

  @Override
  public void onSignal(String service, String signal, long timestampMillis, double value) {
    values.add(new Value(service, signal, timestampMillis, value));
    latest.put(service + "/" + signal, value);
  }

  /** The last value of a signal, or null if it never came. */
  Double last(String service, String signal) {
    return latest.get(service + "/" + signal);
  }
}
