package io.vigil.cli.internal.fleet;

import io.vigil.detect.DetectorCatalog;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures what one {@code vigil watch} costs per step on a fleet of N simulated services in a real
 * VictoriaMetrics: wall time and queries per step, and the watcher's heap. Run by
 * scripts/fleet-watch-cost.sh; not a test.
 */
public final class FleetWatchCost {

  private FleetWatchCost() {}

  public static void main(String[] args) throws Exception {
    int services = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    long minute = 60_000;
    long step = FleetSimulation.STEP;
    Path dir = Files.createTempDirectory("vigil-fleet-cost");
    FleetSimulation fleet = new FleetSimulation(services, 5, 11);
    long now = System.currentTimeMillis();
    long from = now - now % step - 70 * minute;
    List<FleetSimulation.Fault> faults = new ArrayList<>();
    String culprit = fleet.layers.get(4).get(0);
    faults.add(new FleetSimulation.Fault(culprit, from + 50 * minute, 5 * minute));
    try (MetricsBackend backend = MetricsBackend.start(MetricsBackend.Kind.VICTORIA_METRICS, dir)) {
      long w0 = System.nanoTime();
      fleet.write(new RemoteWriter(backend.remoteWrite()), from, from + 65 * minute, faults);
      backend.flush();
      System.out.printf("wrote %d services in %.1f s%n", services, (System.nanoTime() - w0) / 1e9);
      PrometheusClient client = PrometheusClient.create(backend.url(), Duration.ofSeconds(60));
      PrintWriter err = new PrintWriter(System.err, true);
      FleetIncidents incidents =
          new FleetIncidents(
              client,
              FleetQueries.load(null),
              new PrintWriter(java.io.Writer.nullWriter()),
              100_000);
      List<FleetWatcher.Report> reports = new ArrayList<>();
      FleetWatchSettings settings =
          new FleetWatchSettings(step, 2 * step, 30 * minute, 3 * step, 2, 1_000_000);
      FleetWatcher watcher =
          new FleetWatcher(
              incidents,
              DetectorCatalog.get("ewma").configure(Map.of()),
              settings,
              reports::add,
              err);
      long start = from + 35 * minute;
      watcher.start(start);
      int q0 = client.queryCount();
      long t0 = System.nanoTime();
      int steps = 0;
      for (long t = start + step; t <= start + 30 * minute; t += step) {
        watcher.step(t);
        steps++;
      }
      double seconds = (System.nanoTime() - t0) / 1e9;
      int queries = client.queryCount() - q0;
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      System.out.printf(
          "services=%d series=%d steps=%d: %.1f ms and %.1f queries per step (ranking included);"
              + " reports=%d (first cause %s, injected %s); heap after GC %.1f MB%n",
          services,
          watcher.watchedSeries(),
          steps,
          seconds * 1000 / steps,
          (double) queries / steps,
          reports.size(),
          reports.isEmpty() ? "-" : reports.get(0).ranking().get(0).service(),
          culprit,
          heap / 1e6);
    }
  }
}
