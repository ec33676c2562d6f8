package io.vigil.otel.internal;

import io.vigil.otel.LearningStats;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What learning did and refused, counted for {@link LearningStats}. Each cap logs one warning the
 * first time it is reached. Written by the learning thread (or the exporting thread under the
 * learner's lock), read from any thread.
 */
public final class LearningCounters {

  private static final Logger LOGGER = Logger.getLogger("io.vigil.otel.VigilSpanExporter");

  volatile long spansLearned;
  volatile long edgeCalls;
  volatile long expiredClientSpans;
  volatile long expiredServerSpans;
  volatile long droppedPendingSpans;
  volatile long droppedServices;
  volatile long droppedEdges;
  volatile long droppedOperations;
  volatile long stepsClosed;
  volatile long learningFailures;
  volatile int pendingSpans;
  private final LongAdder droppedQueueSpans = new LongAdder();
  private final AtomicBoolean queueWarned = new AtomicBoolean();
  private boolean pendingWarned;
  private boolean servicesWarned;
  private boolean edgesWarned;
  private boolean operationsWarned;
  private boolean failureWarned;

  /** Counts spans refused because the learning queue was full; any thread. */
  public void droppedQueue(int spans) {
    droppedQueueSpans.add(spans);
    if (!queueWarned.getAndSet(true)) {
      LOGGER.warning(
          "Vigil's learning queue is full; spans are exported as usual but not learned from"
              + " (counted in stats().droppedQueueSpans(); raise the learning queue size)");
    }
  }

  void droppedPending(int maxPending) {
    droppedPendingSpans++;
    if (!pendingWarned) {
      pendingWarned = true;
      LOGGER.warning(
          "Vigil holds " + maxPending + " unpaired spans, its cap; further ones are not paired");
    }
  }

  void droppedService(int maxServices) {
    droppedServices++;
    if (!servicesWarned) {
      servicesWarned = true;
      LOGGER.warning("Vigil learned " + maxServices + " services, its cap; others are ignored");
    }
  }

  void droppedEdge(int maxEdges) {
    droppedEdges++;
    if (!edgesWarned) {
      edgesWarned = true;
      LOGGER.warning("Vigil learned " + maxEdges + " edges, its cap; others are ignored");
    }
  }

  void droppedOperation(String service, int maxOperations) {
    droppedOperations++;
    if (!operationsWarned) {
      operationsWarned = true;
      LOGGER.warning(
          "Vigil learned "
              + maxOperations
              + " operations of "
              + service
              + ", the cap per service; others are counted in the service only");
    }
  }

  /** Counts a failure of learning that was caught, and logs the first one with its cause. */
  public void failed(RuntimeException e) {
    learningFailures++;
    if (!failureWarned) {
      failureWarned = true;
      LOGGER.log(Level.WARNING, "Vigil could not learn from a batch of spans; skipping it", e);
    }
  }

  /** A consistent-enough copy of the counts. */
  public LearningStats snapshot() {
    return new LearningStats(
        spansLearned,
        edgeCalls,
        expiredClientSpans,
        expiredServerSpans,
        pendingSpans,
        droppedQueueSpans.sum(),
        droppedPendingSpans,
        droppedServices,
        droppedEdges,
        droppedOperations,
        stepsClosed,
        learningFailures);
  }
}
