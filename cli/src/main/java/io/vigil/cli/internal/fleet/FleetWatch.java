package io.vigil.cli.internal.fleet;

import io.vigil.cli.internal.DetectorChoice;
import io.vigil.cli.internal.InputException;
import io.vigil.detect.AnomalyDetector;
import java.io.PrintWriter;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** Runs a {@link FleetWatcher} over a replayed range or live, one step at a time. */
public final class FleetWatch {

  private final FleetWatcher watcher;
  private final FleetWatchSettings settings;
  private final long lagMillis;
  private final PrintWriter err;

  private FleetWatch(
      FleetWatcher watcher, FleetWatchSettings settings, long lagMillis, PrintWriter err) {
    this.watcher = watcher;
    this.settings = settings;
    this.lagMillis = lagMillis;
    this.err = err;
  }

  /** Validates every option once and builds the watch. */
  public static FleetWatch configure(
      PrometheusOptions backend,
      String detector,
      Map<String, String> detectorSettings,
      String settle,
      int persistence,
      int maxSeries,
      String lag,
      PrintWriter err,
      Consumer<FleetWatcher.Report> sink) {
    Supplier<AnomalyDetector> detectors = DetectorChoice.configure(detector, detectorSettings);
    long step = backend.stepMillis();
    FleetWatchSettings settings =
        new FleetWatchSettings(
            step,
            backend.rateWindowMillis(),
            backend.baselineMillis(),
            settle == null ? 3 * step : FleetTime.durationMillis("--settle", settle),
            persistence,
            maxSeries);
    FleetWatcher watcher = new FleetWatcher(backend.incidents(err), detectors, settings, sink, err);
    return new FleetWatch(watcher, settings, FleetTime.durationMillis("--lag", lag), err);
  }

  /** Steps through {@code [from, to]} as fast as the backend answers, then reports what is open. */
  public void replay(String from, String to) {
    long now = System.currentTimeMillis();
    long start = align(FleetTime.instantMillis("--from", from, now));
    long end = FleetTime.instantMillis("--to", to, now);
    if (end <= start) {
      throw new InputException("--to (" + to + ") must be after --from (" + from + ")");
    }
    watcher.start(start);
    for (long t = start + settings.stepMillis(); t <= end; t += settings.stepMillis()) {
      watcher.step(t);
    }
    watcher.finish();
  }

  /**
   * Steps with the clock, {@code lag} behind it, until interrupted. A step whose queries fail is
   * reported and skipped; the next step's read covers it.
   */
  public void live() throws InterruptedException {
    long t = align(System.currentTimeMillis() - lagMillis);
    watcher.start(t);
    while (!Thread.currentThread().isInterrupted()) {
      t += settings.stepMillis();
      long wait = t + lagMillis - System.currentTimeMillis();
      if (wait > 0) {
        Thread.sleep(wait);
      }
      try {
        watcher.step(t);
      } catch (InputException e) {
        err.println(
            "vigil: step at " + java.time.Instant.ofEpochMilli(t) + " skipped: " + e.getMessage());
        err.flush();
      }
    }
  }

  private long align(long millis) {
    return millis - Math.floorMod(millis, settings.stepMillis());
  }
}
