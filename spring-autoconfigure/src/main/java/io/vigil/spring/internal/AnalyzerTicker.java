package io.vigil.spring.internal;

import io.vigil.live.LiveIncidentAnalyzer;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.SmartLifecycle;

/**
 * Advances the analyzer's time once per step on a daemon thread, so that an incident settles and is
 * reported even when signals stop arriving; runs while the application context runs.
 */
public final class AnalyzerTicker implements SmartLifecycle {

  private final LiveIncidentAnalyzer analyzer;
  private final long periodMillis;
  private volatile ScheduledExecutorService executor;

  /** Ticks this analyzer every {@code period}. */
  public AnalyzerTicker(LiveIncidentAnalyzer analyzer, Duration period) {
    this.analyzer = analyzer;
    this.periodMillis = Math.max(1, period.toMillis());
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    executor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "vigil-live-ticker");
              thread.setDaemon(true);
              return thread;
            });
    // advance() never throws (LiveIncidentAnalyzer's contract), so the schedule never stops.
    executor.scheduleAtFixedRate(
        analyzer::advance, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
