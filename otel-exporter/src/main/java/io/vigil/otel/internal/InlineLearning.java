package io.vigil.otel.internal;

import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Learning on the exporting thread, under a lock: for replay and tests, where the caller wants
 * every batch learned when {@code export} returns. An optional daemon timer closes idle steps.
 */
final class InlineLearning extends LearningLoop {

  /** Records for one chunk of a batch: the BatchSpanProcessor's default batch size. */
  private static final int CHUNK = 512;

  private final SpanRecords records = new SpanRecords(CHUNK);
  private final @Nullable ScheduledExecutorService timer;

  InlineLearning(SpanLearner learner, LearningCounters counters, Clock clock, long idleMillis) {
    super(learner, counters, clock);
    if (idleMillis > 0) {
      timer =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "vigil-span-learner-timer");
                thread.setDaemon(true);
                return thread;
              });
      timer.scheduleWithFixedDelay(
          () -> advance(nowMillis()), idleMillis, idleMillis, TimeUnit.MILLISECONDS);
    } else {
      timer = null;
    }
  }

  @Override
  public void offer(Collection<SpanData> spans) {
    synchronized (learner) {
      try {
        // One batch however many chunks it takes: spans expire only at its end, as they would
        // had the whole batch been reduced at once.
        learner.begin(nowMillis());
        int n = 0;
        for (SpanData span : spans) {
          if (writeSafely(span, n) && ++n == CHUNK) {
            learner.learn(records, 0, n);
            n = 0;
          }
        }
        learner.learn(records, 0, n);
        learner.end();
      } catch (RuntimeException e) {
        counters.failed(e);
      }
    }
  }

  private boolean writeSafely(SpanData span, int slot) {
    try {
      records.write(slot, span);
      return true;
    } catch (RuntimeException e) {
      counters.failed(e);
      return false;
    }
  }

  @Override
  public void advance(long nowMillis) {
    synchronized (learner) {
      advanceSafely(nowMillis);
    }
  }

  @Override
  public CompletableResultCode flush() {
    return CompletableResultCode.ofSuccess();
  }

  @Override
  public CompletableResultCode shutdown() {
    if (timer != null) {
      timer.shutdownNow();
    }
    return CompletableResultCode.ofSuccess();
  }
}
