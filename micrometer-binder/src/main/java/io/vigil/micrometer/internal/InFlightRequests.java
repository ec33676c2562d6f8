package io.vigil.micrometer.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * The requests in flight of an APM tracker, by request id, bounded in number and in age: a request
 * past the timeout is dropped (its active sample stopped, counted as expired) when a sweep, due
 * every quarter of the timeout, or a full table finds it; a request that finds the table full of
 * live ones is counted as overflow and not tracked. Thread-safe; never blocks.
 */
public final class InFlightRequests {

  /** One request in flight: the tags given at start, when it started, its active-request sample. */
  public record Request(
      String endpoint, String method, long startNanos, LongTaskTimer.Sample active) {}

  private final Map<Object, Request> requests = new ConcurrentHashMap<>();
  private final int maxActive;
  private final long timeoutNanos;
  private final AtomicLong nextSweepNanos;
  private final Counter expired;
  private final Counter overflow;

  /**
   * Creates the table.
   *
   * @param maxActive the most requests tracked at once
   * @param timeoutNanos how long a request may stay in flight
   * @param nowNanos the monotonic time now, from which sweeps are scheduled
   * @param expired counts the requests dropped past the timeout
   * @param overflow counts the requests not tracked because the table was full
   */
  public InFlightRequests(
      int maxActive, long timeoutNanos, long nowNanos, Counter expired, Counter overflow) {
    this.maxActive = maxActive;
    this.timeoutNanos = timeoutNanos;
    this.nextSweepNanos = new AtomicLong(nowNanos + timeoutNanos / 4);
    this.expired = expired;
    this.overflow = overflow;
  }

  /**
   * Returns whether a request starting now may be tracked, sweeping first when a sweep is due and,
   * when the table is full, expiring what is past the timeout; a refusal is counted as overflow.
   */
  public boolean hasRoom(long nowNanos) {
    sweepIfDue(nowNanos);
    if (requests.size() < maxActive) {
      return true;
    }
    expireStale(nowNanos);
    if (requests.size() < maxActive) {
      return true;
    }
    overflow.increment();
    return false;
  }

  /**
   * Tracks a request; returns {@code false}, tracking nothing, when the id is in flight already.
   */
  public boolean add(Object requestId, Request request) {
    return requests.putIfAbsent(requestId, request) == null;
  }

  /** Stops tracking a request and returns it, or {@code null} when it is unknown or expired. */
  public @Nullable Request remove(Object requestId) {
    return requests.remove(requestId);
  }

  /** How many requests are in flight. */
  public int size() {
    return requests.size();
  }

  /** Drops the requests in flight for longer than the timeout, counting each as expired. */
  public void expireStale(long nowNanos) {
    Iterator<Request> it = requests.values().iterator();
    while (it.hasNext()) {
      Request request = it.next();
      if (nowNanos - request.startNanos() > timeoutNanos) {
        it.remove();
        request.active().stop();
        expired.increment();
      }
    }
  }

  private void sweepIfDue(long nowNanos) {
    long due = nextSweepNanos.get();
    if (nowNanos - due >= 0 && nextSweepNanos.compareAndSet(due, nowNanos + timeoutNanos / 4)) {
      expireStale(nowNanos);
    }
  }
}
