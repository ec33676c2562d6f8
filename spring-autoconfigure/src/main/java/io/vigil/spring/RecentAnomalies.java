package io.vigil.spring;

import io.vigil.micrometer.AnomalyEvent;
import io.vigil.micrometer.AnomalyListener;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The latest anomalies of the application's anomaly registry, bounded, for the {@code vigil}
 * endpoint: a listener that keeps the newest {@code capacity} events and forgets older ones.
 */
public final class RecentAnomalies implements AnomalyListener {

  private final int capacity;
  private final ArrayDeque<AnomalyEvent> events;

  /**
   * Keeps at most {@code capacity} anomalies.
   *
   * @throws IllegalArgumentException when {@code capacity} is below 1
   */
  public RecentAnomalies(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1 but was " + capacity);
    }
    this.capacity = capacity;
    this.events = new ArrayDeque<>(Math.min(capacity, 1024));
  }

  @Override
  public synchronized void onAnomaly(AnomalyEvent event) {
    if (events.size() == capacity) {
      events.removeFirst();
    }
    events.addLast(event);
  }

  /** The kept anomalies, newest last. */
  public synchronized List<AnomalyEvent> events() {
    return new ArrayList<>(events);
  }
}
