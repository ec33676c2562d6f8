package io.vigil.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Drives the system at a fixed rate with bounded concurrency: a request starts every 1/rate seconds
 * if fewer than {@code maxInFlight} are pending, and is counted as skipped otherwise, so a slow
 * system is never buried under a growing queue.
 */
final class LoadGenerator implements AutoCloseable {

  private final HttpRequest request;
  private final Semaphore inFlight;
  private final HttpClient http;
  private final ScheduledExecutorService ticker;
  private final LongAdder ok = new LongAdder();
  private final LongAdder failed = new LongAdder();
  private final LongAdder skipped = new LongAdder();
  private final LongAdder latencyNanos = new LongAdder();

  /**
   * Starts sending {@code GET target} at {@code ratePerSecond}, at most {@code maxInFlight} open.
   */
  public LoadGenerator(URI target, double ratePerSecond, int maxInFlight) {
    if (!(ratePerSecond > 0 && ratePerSecond <= 10_000)) {
      throw new IllegalArgumentException(
          "rate must be in (0, 10000] requests per second but was " + ratePerSecond);
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be >= 1 but was " + maxInFlight);
    }
    this.request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10)).GET().build();
    this.inFlight = new Semaphore(maxInFlight);
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "vigil-demo-load");
              t.setDaemon(true);
              return t;
            });
    long periodNanos = Math.max(1, Math.round(1e9 / ratePerSecond));
    ticker.scheduleAtFixedRate(this::send, 0, periodNanos, TimeUnit.NANOSECONDS);
  }

  private void send() {
    if (!inFlight.tryAcquire()) {
      skipped.increment();
      return;
    }
    long start = System.nanoTime();
    http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .whenComplete(
            (response, error) -> {
              inFlight.release();
              latencyNanos.add(System.nanoTime() - start);
              if (error == null && response.statusCode() < 500) {
                ok.increment();
              } else {
                failed.increment();
              }
            });
  }

  /** Counts since the start. */
  public LoadStats stats() {
    return new LoadStats(ok.sum(), failed.sum(), skipped.sum(), latencyNanos.sum());
  }

  /** Stops sending; requests still open finish on their own. */
  @Override
  public void close() {
    ticker.shutdownNow();
  }
}
