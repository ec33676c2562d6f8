package io.vigil.cli.internal.fleet;

import io.vigil.cli.internal.InputException;
import io.vigil.rca.CallGraph;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options that point a command at a Prometheus-compatible store, shared by rca and watch. */
public final class PrometheusOptions {

  @Option(
      names = "--prometheus",
      paramLabel = "URL",
      description =
          "Read the graph and signals from this Prometheus-compatible API root (Prometheus,"
              + " VictoriaMetrics, Thanos, Mimir), e.g. http://127.0.0.1:9090.")
  String url;

  @Option(
      names = "--baseline",
      defaultValue = "1h",
      description =
          "Length of the normal window before the anomalous one (default: ${DEFAULT-VALUE}).")
  String baseline;

  @Option(
      names = "--step",
      defaultValue = "60s",
      description = "Query resolution (default: ${DEFAULT-VALUE}).")
  String step;

  @Option(
      names = "--rate-window",
      paramLabel = "DURATION",
      description = "Range of every rate() in the queries (default: twice --step).")
  String rateWindow;

  @Option(
      names = "--queries",
      paramLabel = "FILE",
      description = "PromQL mapping over the defaults (properties; see docs/fleet.md).")
  Path queries;

  @Option(
      names = "--timeout",
      defaultValue = "30s",
      description = "Longest wait for one query (default: ${DEFAULT-VALUE}); never retried.")
  String timeout;

  @Option(
      names = "--max-services",
      defaultValue = "" + CallGraph.DEFAULT_MAX_SERVICES,
      description = "Most services read into one diagnosis (default: ${DEFAULT-VALUE}).")
  int maxServices;

  /** Whether a backend was named. */
  public boolean present() {
    return url != null;
  }

  FleetIncidents incidents(PrintWriter err) {
    if (maxServices < 1 || maxServices > CallGraph.DEFAULT_MAX_SERVICES * 10) {
      throw new InputException(
          "--max-services must be in [1, "
              + CallGraph.DEFAULT_MAX_SERVICES * 10
              + "] but was "
              + maxServices);
    }
    return new FleetIncidents(client(), FleetQueries.load(queries), err, maxServices);
  }

  PrometheusClient client() {
    return PrometheusClient.create(
        url, Duration.ofMillis(FleetTime.durationMillis("--timeout", timeout)));
  }

  long stepMillis() {
    return FleetTime.durationMillis("--step", step);
  }

  long baselineMillis() {
    return FleetTime.durationMillis("--baseline", baseline);
  }

  long rateWindowMillis() {
    return rateWindow == null
        ? 2 * stepMillis()
        : FleetTime.durationMillis("--rate-window", rateWindow);
  }
}
