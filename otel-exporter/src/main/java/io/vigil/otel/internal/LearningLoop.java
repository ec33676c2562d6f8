package io.vigil.otel.internal;

import io.opentelemetry.sdk.common.Clock;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Collection;

/**
 * Where and when a {@link SpanLearner} runs: inline on the exporting thread, or on a learning
 * thread of its own behind a bounded queue. Never throws from {@link #offer}.
 */
public abstract class LearningLoop {

  final SpanLearner learner;
  final LearningCounters counters;
  final Clock clock;

  LearningLoop(SpanLearner learner, LearningCounters counters, Clock clock) {
    this.learner = learner;
    this.counters = counters;
    this.clock = clock;
  }

  /**
   * A loop for these settings.
   *
   * @param queueSize batches the queue holds; 0 learns inline on the exporting thread
   * @param idleCheckMillis how often steps are closed and pending spans expired while no spans
   *     come, 0 for never (steps then close only as spans or {@link #advance} move time)
   * @param cpuShare the share of one core the learning thread may use (0..1]; inline learning is
   *     not limited
   */
  public static LearningLoop create(
      SpanLearner learner,
      LearningCounters counters,
      Clock clock,
      int queueSize,
      long idleCheckMillis,
      double cpuShare) {
    return queueSize == 0
        ? new InlineLearning(learner, counters, clock, idleCheckMillis)
        : new ThreadedLearning(learner, counters, clock, queueSize, idleCheckMillis, cpuShare);
  }

  /**
   * Hands a batch to learning, reduced to {@link SpanRecords} before it returns, so that no span is
   * kept past the call; never throws.
   */
  public abstract void offer(Collection<SpanData> spans);

  /** Moves learning time to {@code nowMillis}, closing the steps that ended by then. */
  public abstract void advance(long nowMillis);

  /** Completes once every batch offered before the call has been learned. */
  public abstract CompletableResultCode flush();

  /** Stops learning after the batches already offered; idempotent. */
  public abstract CompletableResultCode shutdown();

  final long nowMillis() {
    return clock.now() / 1_000_000;
  }

  /** Learns the records at positions [from, to), never letting a failure escape. */
  final void learnSafely(SpanRecords records, long from, long to) {
    try {
      learner.learn(records, from, to, nowMillis());
    } catch (RuntimeException e) {
      counters.failed(e);
    }
  }

  final void advanceSafely(long nowMillis) {
    try {
      learner.advance(nowMillis);
    } catch (RuntimeException e) {
      counters.failed(e);
    }
  }
}
