package io.vigil.otel.internal;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Spans waiting for their other side, keyed as the Collector's servicegraph store keys them: a
 * client by (trace id, its span id), a server by (trace id, its parent span id). Bounded in number;
 * each waits at most the TTL, oldest first, since entries are kept in arrival order and the
 * learner's clock never goes back. Not thread-safe: the learner owns it.
 */
final class PendingSpans {

  /** The pairing key; records hash the two ids, whose hashes strings cache. */
  record Key(String traceId, String spanId) {}

  /** One side of a call, waiting. */
  record Side(
      Key key,
      boolean client,
      String service,
      @Nullable String peer,
      ConnectionType type,
      long durationNanos,
      boolean error,
      long arrivedMillis) {}

  private final Map<Key, Side> waiting = new LinkedHashMap<>();
  private final int maxSize;
  private final long ttlMillis;

  PendingSpans(int maxSize, long ttlMillis) {
    this.maxSize = maxSize;
    this.ttlMillis = ttlMillis;
  }

  /** Removes and returns the other side waiting under the key, if any. */
  @Nullable Side take(Key key) {
    return waiting.remove(key);
  }

  /** Holds a side until its partner comes; false, holding nothing, when the store is full. */
  boolean hold(Side side) {
    if (waiting.size() >= maxSize) {
      return false;
    }
    waiting.put(side.key(), side);
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
