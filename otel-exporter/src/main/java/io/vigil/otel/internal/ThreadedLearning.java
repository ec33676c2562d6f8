package io.vigil.otel.internal;

import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Learning on one daemon thread behind a bounded queue of batches: the exporting thread only
 * offers, and a full queue drops the batch from learning (counted, warned once), never from export.
 * A flush completes once the thread has learned every batch offered before it.
 */
final class ThreadedLearning extends LearningLoop implements Runnable {

  private record Advance(long nowMillis) {}

  private record Flush(long target, CompletableResultCode result) {}

  private static final Object WAKE = new Object();
  private static final Object STOP = new Object();

  private final BlockingQueue<Object> queue;
  private final long idleMillis;
  private final double cpuShare;
  private final Queue<Flush> flushes = new ConcurrentLinkedQueue<>();
  private final AtomicLong offered = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final CompletableResultCode stopped = new CompletableResultCode();
  private final Thread thread;
  private volatile long learned;
  private volatile boolean stopping;

  ThreadedLearning(
      SpanLearner learner,
      LearningCounters counters,
      Clock clock,
      int capacity,
      long idleMillis,
      double cpuShare) {
    super(learner, counters, clock);
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.idleMillis = idleMillis;
    this.cpuShare = cpuShare;
    this.thread = new Thread(this, "vigil-span-learner");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void offer(List<SpanData> spans) {
    // Counted before the offer so that a flush issued after this call waits for the batch.
    offered.incrementAndGet();
    if (!queue.offer(spans)) {
      dropped.incrementAndGet();
      counters.droppedQueue(spans.size());
      completeFlushes();
    }
  }

  @Override
  public void advance(long nowMillis) {
    queue.offer(new Advance(nowMillis));
  }

  @Override
  public CompletableResultCode flush() {
    long target = offered.get();
    if (handled() >= target || stopping) {
      return CompletableResultCode.ofSuccess();
    }
    CompletableResultCode result = new CompletableResultCode();
    flushes.add(new Flush(target, result));
    queue.offer(WAKE);
    completeFlushes();
    return result;
  }

  @Override
  public CompletableResultCode shutdown() {
    stopping = true;
    if (!queue.offer(STOP)) {
      thread.interrupt();
    }
    return stopped;
  }

  @Override
  public void run() {
    try {
      while (true) {
        Object item = idleMillis > 0 ? queue.poll(idleMillis, TimeUnit.MILLISECONDS) : queue.take();
        if (item == STOP) {
          break;
        }
        handle(item);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      for (Flush flush; (flush = flushes.poll()) != null; ) {
        flush.result().succeed();
      }
      stopped.succeed();
    }
  }

  @SuppressWarnings("unchecked")
  private void handle(Object item) {
    if (item instanceof List<?> spans) {
      long start = System.nanoTime();
      learnSafely((List<SpanData>) spans);
      learned++;
      completeFlushes();
      rest(System.nanoTime() - start);
    } else if (item instanceof Advance advance) {
      advanceSafely(advance.nowMillis());
    } else if (item == null) {
      advanceSafely(nowMillis());
    } else {
      completeFlushes();
    }
  }

  /**
   * Keeps the thread within its share of one core: after learning for {@code spentNanos} it rests
   * long enough that learning is at most {@code cpuShare} of the time. When spans come faster than
   * that, the queue fills and batches are dropped from learning (counted), so a saturated pipeline
   * never hands Vigil more than its share of the CPU the application runs on.
   */
  private void rest(long spentNanos) {
    if (cpuShare < 1.0) {
      long restNanos = (long) (spentNanos * (1.0 - cpuShare) / cpuShare);
      if (restNanos > 0) {
        LockSupport.parkNanos(this, restNanos);
      }
    }
  }

  /** Batches learned or dropped: a flush waits for neither once they are counted here. */
  private long handled() {
    return learned + dropped.get();
  }

  private void completeFlushes() {
    for (Flush flush = flushes.peek(); flush != null; flush = flushes.peek()) {
      if (handled() < flush.target()) {
        return;
      }
      if (flushes.remove(flush)) {
        flush.result().succeed();
      }
    }
  }
}
