package io.vigil.otel.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Spans waiting for their other side, keyed as the Collector's servicegraph store keys them: a
 * client by (trace id, its span id), a server by (trace id, its parent span id), ids as longs. The
 * map is keyed by the span id alone and the trace id is checked on a hit. Bounded in number; each
 * waits at most the TTL, oldest first, since entries are kept in arrival order and the learner's
 * clock never goes back. Not thread-safe: the learner owns it.
 */
final class PendingSpans {

  /**
   * One side of a call, waiting; a client keeps its peer's name and port (to name the virtual node
   * should it expire), never the span or its attributes.
   */
  record Side(
      long traceHigh,
      long traceLow,
      long spanId,
      boolean client,
      String service,
      @Nullable String peer,
      int peerPort,
      ConnectionType type,
      long durationNanos,
      boolean error,
      long arrivedMillis) {}

  private final Map<Long, Side> waiting = new LinkedHashMap<>();
  private final int maxSize;
  private final long ttlMillis;

  PendingSpans(int maxSize, long ttlMillis) {
    this.maxSize = maxSize;
    this.ttlMillis = ttlMillis;
  }

  /** Removes and returns the other side waiting under (trace id, span id), if any. */
  @Nullable Side take(long traceHigh, long traceLow, long spanId) {
    Side side = waiting.get(spanId);
    if (side == null || side.traceHigh() != traceHigh || side.traceLow() != traceLow) {
      return null;
    }
    waiting.remove(spanId);
    return side;
  }

  /** Holds a side until its partner comes; false, holding nothing, when the store is full. */
  boolean hold(Side side) {
    if (waiting.size() >= maxSize) {
      return false;
    }
    waiting.put(side.spanId(), side);
    return true;
  }

  /** Removes every side that has waited longer than the TTL at {@code nowMillis}, oldest first. */
  void expire(long nowMillis, Consumer<Side> onExpired) {
    Iterator<Side> it = waiting.values().iterator();
    while (it.hasNext()) {
      Side side = it.next();
      if (nowMillis - side.arrivedMillis() < ttlMillis) {
        return;
      }
      it.remove();
      onExpired.accept(side);
    }
  }

  int size() {
    return waiting.size();
  }
}
