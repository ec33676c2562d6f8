package io.vigil.cli.internal.fleet;

import io.vigil.cli.internal.InputException;
import io.vigil.rca.Incident;
import java.io.PrintWriter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vigil rca --prometheus}: the backend, and the window of the one incident to diagnose. */
public final class PrometheusIncidentOptions {

  @Mixin PrometheusOptions backend;

  @Option(
      names = "--at",
      paramLabel = "TIME",
      description =
          "Diagnose the incident seen at TIME (RFC 3339, Unix seconds, now, now-10m; default now):"
              + " the anomalous window is the --window before it.")
  String at;

  @Option(names = "--from", paramLabel = "TIME", description = "Start of the anomalous window.")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "End of the anomalous window.")
  String to;

  @Option(
      names = "--window",
      defaultValue = "15m",
      description = "Length of the anomalous window before --at (default: ${DEFAULT-VALUE}).")
  String window;

  /** Whether a backend was named. */
  public boolean present() {
    return backend.present();
  }

  /** Reads the incident from the backend, with warnings to {@code err}. */
  public Incident incident(PrintWriter err) {
    return backend.incidents(err).read(window(System.currentTimeMillis()));
  }

  /** The diagnosis window from --at, or --from and --to. */
  FleetWindow window(long nowMillis) {
    long start;
    long end;
    if (from != null || to != null) {
      if (from == null || to == null || at != null) {
        throw new InputException("give either --at, or both --from and --to");
      }
      start = FleetTime.instantMillis("--from", from, nowMillis);
      end = FleetTime.instantMillis("--to", to, nowMillis);
      if (end < start) {
        throw new InputException("--to (" + to + ") is before --from (" + from + ")");
      }
    } else {
      end = at == null ? nowMillis : FleetTime.instantMillis("--at", at, nowMillis);
      start = end - FleetTime.durationMillis("--window", window);
    }
    return new FleetWindow(
        start - backend.baselineMillis(),
        start,
        end,
        backend.stepMillis(),
        backend.rateWindowMillis());
  }
}
