package io.vigil.benchmarks.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * A service's worth of watched series: {@code http.server.requests} timers, one per route, with the
 * tags Spring gives them, fed a few requests per step.
 */
final class SeriesFixture {

  private final List<Timer> timers;
  private final SplittableRandom random = new SplittableRandom(7);

  SeriesFixture(MeterRegistry registry, int series) {
    timers = new ArrayList<>(series);
    for (int i = 0; i < series; i++) {
      timers.add(
          Timer.builder("http.server.requests")
              .tags(
                  "uri", "/api/route/" + i,
                  "method", "GET",
                  "status", "200",
                  "outcome", "SUCCESS",
                  "exception", "none")
              .register(registry));
    }
  }

  /** Records a step's traffic: a few requests on every route, 20 to 60 ms each. */
  void recordStep() {
    for (Timer timer : timers) {
      int requests = 1 + random.nextInt(5);
      for (int r = 0; r < requests; r++) {
        timer.record(20_000_000L + random.nextLong(40_000_000L), TimeUnit.NANOSECONDS);
      }
    }
  }
}
