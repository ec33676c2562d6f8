package io.vigil.otel.internal;

import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Learning on one daemon thread behind a bounded ring of {@link SpanRecords}: the exporting thread
 * reduces each span into a free slot and returns, keeping no span; a full ring drops the rest of
 * the batch from learning (counted, warned once), never from export. Writers take a lock only for
 * the few hundred nanoseconds a batch's reduction takes per span, as a bounded queue's offer would.
 * Advances and flushes are ordered with the spans written before them.
 */
final class ThreadedLearning extends LearningLoop implements Runnable {

  /** Spans per batch of the BatchSpanProcessor's default, and learned between rests. */
  static final int BATCH = 512;

  private record Advance(long position, long nowMillis) {}

  private record Flush(long position, long advances, CompletableResultCode result) {}

  private final SpanRecords records;
  private final ReentrantLock writer = new ReentrantLock();
  private final long idleNanos;
  private final double cpuShare;
  private final Queue<Advance> advances = new ConcurrentLinkedQueue<>();
  private final Queue<Flush> flushes = new ConcurrentLinkedQueue<>();
  private final AtomicLong advancesOffered = new AtomicLong();
  private final AtomicLong writeNanos = new AtomicLong();
  private final CompletableResultCode stopped = new CompletableResultCode();
  private final Thread thread;
  private volatile long written;
  private volatile long read;
  private volatile long advancesDone;
  private volatile boolean stopping;

  ThreadedLearning(
      SpanLearner learner,
      LearningCounters counters,
      Clock clock,
      int batches,
      long idleMillis,
      double cpuShare) {
    super(learner, counters, clock);
    this.records = new SpanRecords(Math.multiplyExact(batches, BATCH));
    this.idleNanos = TimeUnit.MILLISECONDS.toNanos(idleMillis);
    this.cpuShare = cpuShare;
    this.thread = new Thread(this, "vigil-span-learner");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void offer(Collection<SpanData> spans) {
    int dropped = 0;
    long start = 0;
    writer.lock();
    try {
      long position = written;
      long free = records.capacity() - (position - read);
      if (free == 0) {
        dropped = spans.size();
      } else {
        start = System.nanoTime();
        for (SpanData span : spans) {
          if (free == 0) {
            dropped++;
            continue;
          }
          try {
            records.write(records.slot(position), span);
            position++;
            free--;
          } catch (RuntimeException e) {
            counters.failed(e);
          }
        }
        written = position;
      }
    } finally {
      writer.unlock();
    }
    if (start != 0) {
      // Only the time spent reducing spans counts against Vigil's share: a batch refused whole
      // costs next to nothing, and counting it would lengthen every rest while the ring is full.
      writeNanos.addAndGet(System.nanoTime() - start);
      LockSupport.unpark(thread);
    }
    if (dropped > 0) {
      counters.droppedQueue(dropped);
    }
  }

  @Override
  public void advance(long nowMillis) {
    writer.lock();
    try {
      advancesOffered.incrementAndGet();
      advances.add(new Advance(written, nowMillis));
    } finally {
      writer.unlock();
    }
    LockSupport.unpark(thread);
  }

  @Override
  public CompletableResultCode flush() {
    long position = written;
    long advanced = advancesOffered.get();
    if (stopping || done(position, advanced)) {
      return CompletableResultCode.ofSuccess();
    }
    CompletableResultCode result = new CompletableResultCode();
    flushes.add(new Flush(position, advanced, result));
    LockSupport.unpark(thread);
    return result;
  }

  @Override
  public CompletableResultCode shutdown() {
    stopping = true;
    LockSupport.unpark(thread);
    return stopped;
  }

  @Override
  public void run() {
    long lastCheck = System.nanoTime();
    try {
      while (true) {
        Advance next = advances.peek();
        long end = next != null ? next.position() : written;
        long from = read;
        if (from < end) {
          long start = System.nanoTime();
          long to = Math.min(end, from + BATCH);
          learnSafely(records, from, to);
          read = to;
          completeFlushes();
          rest(System.nanoTime() - start);
        } else if (next != null) {
          advances.poll();
          advanceSafely(next.nowMillis());
          advancesDone++;
          completeFlushes();
        } else if (stopping) {
          return;
        } else {
          completeFlushes();
          lastCheck = idle(lastCheck);
        }
      }
    } finally {
      for (Flush flush; (flush = flushes.poll()) != null; ) {
        flush.result().succeed();
      }
      stopped.succeed();
    }
  }

  /** Waits for spans; every {@code idleNanos} without any, closes steps and expires spans. */
  private long idle(long lastCheck) {
    if (idleNanos == 0) {
      LockSupport.park(this);
      return lastCheck;
    }
    long now = System.nanoTime();
    if (now - lastCheck >= idleNanos) {
      advanceSafely(nowMillis());
      return now;
    }
    LockSupport.parkNanos(this, idleNanos - (now - lastCheck));
    return lastCheck;
  }

  /**
   * Keeps Vigil within its share of one core: after learning for {@code spentNanos}, and the
   * exporting threads' reducing spans into the ring since the last rest, the thread rests long
   * enough that both together are at most {@code cpuShare} of the time. When spans come faster than
   * that, the ring fills and spans are dropped from learning before they are reduced (counted), so
   * a saturated pipeline never hands Vigil more than its share of the CPU the application runs on.
   */
  private void rest(long spentNanos) {
    long spent = spentNanos + writeNanos.getAndSet(0);
    if (cpuShare >= 1.0) {
      return;
    }
    long deadline = System.nanoTime() + (long) (spent * (1.0 - cpuShare) / cpuShare);
    // Writers unpark the thread on every batch; resting ends only at the deadline.
    for (long left; (left = deadline - System.nanoTime()) > 0; ) {
      LockSupport.parkNanos(this, left);
    }
  }

  private boolean done(long position, long advanced) {
    return read >= position && advancesDone >= advanced;
  }

  private void completeFlushes() {
    for (Flush flush = flushes.peek(); flush != null; flush = flushes.peek()) {
      if (!done(flush.position(), flush.advances())) {
        return;
      }
      if (flushes.remove(flush)) {
        flush.result().succeed();
      }
    }
  }
}
