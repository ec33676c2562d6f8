package io.vigil.live.internal;

import io.vigil.detect.AnomalyDetector;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Every tracked signal's history, by service and signal name, at most {@code maxSignals} of them: a
 * new signal past the cap is refused, counted, and warned about once. Lookups of known signals take
 * no lock and allocate nothing.
 */
public final class SignalTable {

  private static final System.Logger LOG = System.getLogger("io.vigil.live");

  private final Map<String, Map<String, SignalHistory>> byService = new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();
  private final AtomicBoolean warned = new AtomicBoolean();
  private final int maxSignals;
  private final int capacity;
  private final int persistence;
  private final Supplier<AnomalyDetector> detectors;
  private final LiveCounters counters;

  /** An empty table. */
  public SignalTable(
      int maxSignals,
      int capacity,
      int persistence,
      Supplier<AnomalyDetector> detectors,
      LiveCounters counters) {
    this.maxSignals = maxSignals;
    this.capacity = capacity;
    this.persistence = persistence;
    this.detectors = detectors;
    this.counters = counters;
  }

  /** The signal's history, created if the cap allows; null when refused. */
  public @Nullable SignalHistory history(String service, String signal) {
    Map<String, SignalHistory> signals = byService.get(service);
    SignalHistory h = signals == null ? null : signals.get(signal);
    if (h != null) {
      return h;
    }
    if (signals == null) {
      if (count.get() >= maxSignals) {
        // No empty per-service map for a refused signal: the map of services stays bounded too.
        return refuse(service, signal);
      }
      signals = byService.computeIfAbsent(service, s -> new ConcurrentHashMap<>());
    }
    return signals.computeIfAbsent(signal, s -> create(service, s));
  }

  private @Nullable SignalHistory create(String service, String signal) {
    if (count.incrementAndGet() > maxSignals) {
      count.decrementAndGet();
      return refuse(service, signal);
    }
    return new SignalHistory(service, signal, capacity, detectors.get(), persistence);
  }

  private @Nullable SignalHistory refuse(String service, String signal) {
    counters.droppedSignals.increment();
    if (warned.compareAndSet(false, true)) {
      LOG.log(
          Level.WARNING,
          "vigil: tracking at most {0} signals (maxSignals); {1}/{2} and later new signals are"
              + " left out and counted",
          maxSignals,
          service,
          signal);
    }
    return null;
  }

  /** The histories of one service; empty when it has none. */
  public Collection<SignalHistory> of(String service) {
    Map<String, SignalHistory> signals = byService.get(service);
    return signals == null ? List.of() : new ArrayList<>(signals.values());
  }

  /** Signals tracked. */
  public int size() {
    return count.get();
  }
}
