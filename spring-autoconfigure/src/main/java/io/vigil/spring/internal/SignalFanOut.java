package io.vigil.spring.internal;

import io.vigil.live.SignalListener;
import io.vigil.rca.Anomaly;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each signal and anomaly of one source to several listeners (the live analyzer, the event
 * emitter); one that throws, against {@link SignalListener}'s contract, is logged once and never
 * keeps the others from their share.
 */
public final class SignalFanOut implements SignalListener {

  private static final Logger LOG = LoggerFactory.getLogger(SignalFanOut.class);

  private final List<SignalListener> listeners;
  private final AtomicBoolean warned = new AtomicBoolean();

  private SignalFanOut(List<SignalListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  /** The one listener itself, or a fan-out to all of them. */
  public static SignalListener of(List<SignalListener> listeners) {
    return listeners.size() == 1 ? listeners.get(0) : new SignalFanOut(listeners);
  }

  @Override
  public void onSignal(String service, String signal, long timestampMillis, double value) {
    for (SignalListener listener : listeners) {
      try {
        listener.onSignal(service, signal, timestampMillis, value);
      } catch (RuntimeException e) {
        warnOnce(listener, e);
      }
    }
  }

  @Override
  public void onAnomaly(Anomaly anomaly) {
    for (SignalListener listener : listeners) {
      try {
        listener.onAnomaly(anomaly);
      } catch (RuntimeException e) {
        warnOnce(listener, e);
      }
    }
  }

  private void warnOnce(SignalListener listener, RuntimeException e) {
    if (warned.compareAndSet(false, true)) {
      LOG.warn("Signal listener {} threw; the others still get every signal", listener, e);
    }
  }
}
