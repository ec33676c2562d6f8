package io.vigil.demo;

import io.vigil.live.IncidentReport;
import io.vigil.live.LiveIncidentAnalyzer;
import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One run of the demo on a started {@link DemoSystem}: load, a warm-up for the detectors to learn
 * normal, the fault, then the wait for the shared analyzer's first report that names a cause.
 */
final class DemoRun {

  /** How often the run prints what the load generator sees. */
  private static final Duration PROGRESS = Duration.ofSeconds(10);

  /** The longest wait for a quiet analyzer before the injection. */
  private static final Duration MAX_QUIET_WAIT = Duration.ofSeconds(60);

  /** What to inject where, how hard to drive the system and how long to wait. */
  record Settings(
      Fault fault, String target, Duration warmup, double rate, int maxInFlight, Duration timeout) {
    Settings {
      Topology.requireService(target);
    }
  }

  /**
   * The run's result.
   *
   * @param report the first report with a cause that started after the injection
   * @param injectedMillis when the fault was injected
   * @param reportedMillis when the report was published
   */
  record Outcome(IncidentReport report, long injectedMillis, long reportedMillis) {}

  private final DemoSystem system;
  private final PrintStream out;

  DemoRun(DemoSystem system, PrintStream out) {
    this.system = system;
    this.out = out;
  }

  /** Runs the demo; empty when no report named a cause within the timeout after injection. */
  Optional<Outcome> run(Settings settings) throws InterruptedException {
    LiveIncidentAnalyzer analyzer = system.shared().getBean(LiveIncidentAnalyzer.class);
    CompletableFuture<Outcome> first = new CompletableFuture<>();
    long[] injectedAt = {Long.MAX_VALUE};
    analyzer.addListener(
        report -> {
          if (report.topCause().isPresent() && report.startMillis() >= injectedAt[0] - 1_000) {
            first.complete(new Outcome(report, injectedAt[0], System.currentTimeMillis()));
          }
        });
    URI entry = URI.create(system.url(Topology.ENTRY) + "/work");
    try (LoadGenerator load = new LoadGenerator(entry, settings.rate(), settings.maxInFlight())) {
      out.printf(
          "load: %.0f requests/s into %s, at most %d open; warming up for %d s%n",
          settings.rate(), Topology.ENTRY, settings.maxInFlight(), settings.warmup().toSeconds());
      LoadStats seen = watch(load, new LoadStats(0, 0, 0, 0), settings.warmup().toMillis(), null);
      seen = awaitQuiet(analyzer, load, seen);
      synchronized (injectedAt) {
        system.inject(settings.target(), settings.fault());
        injectedAt[0] = System.currentTimeMillis();
      }
      out.printf(
          "injected %s into %s; waiting for Vigil's diagnosis%n",
          settings.fault(), settings.target());
      watch(load, seen, settings.timeout().toMillis(), first);
      return first.isDone() ? Optional.of(first.join()) : Optional.empty();
    }
  }

  /**
   * Waits, at most {@link #MAX_QUIET_WAIT}, until the analyzer has no incident open and has seen no
   * anomaly for {@link SharedAnalysis#SETTLE_STEPS} steps, so that the fault starts an incident of
   * its own rather than joining one left from the warm-up (or from an earlier fault).
   */
  private LoadStats awaitQuiet(LiveIncidentAnalyzer analyzer, LoadGenerator load, LoadStats since)
      throws InterruptedException {
    long end = System.currentTimeMillis() + MAX_QUIET_WAIT.toMillis();
    long quiet = system.step().multipliedBy(SharedAnalysis.SETTLE_STEPS).toMillis();
    LoadStats last = since;
    while (System.currentTimeMillis() < end) {
      long now = System.currentTimeMillis();
      long lastOnset =
          analyzer.recentAnomalies().stream().mapToLong(a -> a.onsetMillis()).max().orElse(0);
      if (analyzer.counts().openIncidents() == 0 && now - lastOnset >= quiet) {
        return last;
      }
      last = watch(load, last, Math.min(quiet, end - now), null);
    }
    out.println("  (the analyzer did not go quiet; injecting anyway)");
    return last;
  }

  /** Prints the traffic every {@link #PROGRESS} until {@code millis} pass or {@code done} is. */
  private LoadStats watch(
      LoadGenerator load, LoadStats since, long millis, CompletableFuture<?> done)
      throws InterruptedException {
    long end = System.currentTimeMillis() + millis;
    LoadStats last = since;
    while (System.currentTimeMillis() < end) {
      long wait = Math.min(PROGRESS.toMillis(), end - System.currentTimeMillis());
      if (done == null) {
        Thread.sleep(wait);
      } else {
        try {
          done.get(wait, TimeUnit.MILLISECONDS);
          return last;
        } catch (TimeoutException e) {
          // print progress and wait on
        } catch (ExecutionException e) {
          throw new IllegalStateException(e.getCause());
        }
      }
      LoadStats now = load.stats();
      out.println("  traffic: " + now.since(last).summary());
      last = now;
    }
    return last;
  }
}
