package io.vigil.micrometer.internal;

import io.micrometer.common.util.internal.logging.WarnThenDebugLogger;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.vigil.detect.Verdict;
import io.vigil.live.SignalListener;
import io.vigil.micrometer.AnomalyEvent;
import io.vigil.micrometer.AnomalyListener;
import io.vigil.micrometer.Signal;
import io.vigil.rca.Anomaly;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;

/**
 * Hands a step's output to the registry's anomaly listeners and to its signal listener, naming each
 * signal for live analysis: the service is the meter's service tag, else the configured service
 * name; the signal is the meter name, the signal and the other tags ({@code
 * http.server.requests.mean{method=GET,uri=/a}}). A listener that throws is counted and logged
 * once, then at debug; the others and publishing go on.
 */
public final class ListenerDispatch implements StepOutput {

  private final List<AnomalyListener> listeners = new CopyOnWriteArrayList<>();
  private final @Nullable SignalListener signalListener;
  private final String serviceTag;
  private final String serviceName;
  private final AnomalyStats stats;
  private final WarnThenDebugLogger logger;

  /** Dispatches to these listeners; {@code signalListener} may be absent. */
  public ListenerDispatch(
      List<AnomalyListener> listeners,
      @Nullable SignalListener signalListener,
      String serviceTag,
      String serviceName,
      AnomalyStats stats,
      WarnThenDebugLogger logger) {
    this.listeners.addAll(listeners);
    this.signalListener = signalListener;
    this.serviceTag = serviceTag;
    this.serviceName = serviceName;
    this.stats = stats;
    this.logger = logger;
  }

  /** Adds an anomaly listener. */
  public void add(AnomalyListener listener) {
    listeners.add(listener);
  }

  /** Removes an anomaly listener. */
  public void remove(AnomalyListener listener) {
    listeners.remove(listener);
  }

  @Override
  public boolean wantsSignals() {
    return signalListener != null;
  }

  @Override
  public void signal(Meter.Id id, Signal signal, long stepEndMillis, double value) {
    SignalListener target = signalListener;
    if (target == null) {
      return;
    }
    try {
      target.onSignal(service(id), signalName(id, signal), stepEndMillis, value);
    } catch (RuntimeException e) {
      failed(target, id, signal, e);
    }
  }

  @Override
  public void anomaly(AnomalyEvent event) {
    for (AnomalyListener listener : listeners) {
      try {
        listener.onAnomaly(event);
      } catch (RuntimeException e) {
        failed(listener, event.meterId(), event.signal(), e);
      }
    }
    SignalListener target = signalListener;
    if (target != null) {
      try {
        target.onAnomaly(
            new Anomaly(
                service(event.meterId()),
                signalName(event.meterId(), event.signal()),
                event.timestampMillis(),
                magnitude(event.value(), event.verdict())));
      } catch (RuntimeException e) {
        failed(target, event.meterId(), event.signal(), e);
      }
    }
  }

  private String service(Meter.Id id) {
    String service = id.getTag(serviceTag);
    return service != null ? service : serviceName;
  }

  private String signalName(Meter.Id id, Signal signal) {
    StringBuilder name = new StringBuilder(id.getName()).append('.').append(signal.tagValue());
    char separator = '{';
    for (Tag tag : id.getTagsAsIterable()) {
      if (!tag.getKey().equals(serviceTag)) {
        name.append(separator).append(tag.getKey()).append('=').append(tag.getValue());
        separator = ',';
      }
    }
    return separator == ',' ? name.append('}').toString() : name.toString();
  }

  /** How far the value left the band, in half band widths; 1 when the band says nothing. */
  static double magnitude(double value, Verdict verdict) {
    double halfWidth = (verdict.upper() - verdict.lower()) / 2;
    double magnitude = Math.abs(value - verdict.expected()) / halfWidth;
    if (Double.isNaN(magnitude) || !(halfWidth > 0)) {
      return 1;
    }
    return Math.min(magnitude, Double.MAX_VALUE);
  }

  private void failed(Object listener, Meter.Id id, Signal signal, RuntimeException e) {
    stats.listenerFailures.incrementAndGet();
    logger.log(
        () ->
            "Listener "
                + listener
                + " threw on "
                + id.getName()
                + " "
                + signal.tagValue()
                + "; other listeners and publishing go on",
        e);
  }
}
