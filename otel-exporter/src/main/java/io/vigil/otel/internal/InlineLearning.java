package io.vigil.otel.internal;

import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Learning on the exporting thread, under a lock: for replay and tests, where the caller wants
 * every batch learned when {@code export} returns. An optional daemon timer closes idle steps.
 */
final class InlineLearning extends LearningLoop {

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
  public void offer(List<SpanData> spans) {
    synchronized (learner) {
      learnSafely(spans);
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
