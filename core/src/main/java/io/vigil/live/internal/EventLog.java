package io.vigil.live.internal;

import io.vigil.live.MarkedEvent;
import java.util.ArrayDeque;
import java.util.List;

/**
 * The most recent marked events, at most {@code capacity}; older ones are pushed out and counted.
 */
public final class EventLog {

  private final ArrayDeque<MarkedEvent> events = new ArrayDeque<>();
  private final int capacity;
  private final LiveCounters counters;

  /** An empty log. */
  public EventLog(int capacity, LiveCounters counters) {
    this.capacity = capacity;
    this.counters = counters;
  }

  /** Adds an event, pushing out the oldest when full. */
  public synchronized void add(MarkedEvent event) {
    if (events.size() >= capacity) {
      events.removeFirst();
      counters.droppedEvents.increment();
    }
    events.addLast(event);
  }

  /** The events with a timestamp in {@code [fromMillis, toMillis]}, oldest first. */
  public synchronized List<MarkedEvent> between(long fromMillis, long toMillis) {
    return events.stream()
        .filter(e -> e.timestampMillis() >= fromMillis && e.timestampMillis() <= toMillis)
        .sorted((a, b) -> Long.compare(a.timestampMillis(), b.timestampMillis()))
        .toList();
  }
}
