package io.vigil.cli.internal.rca;

import io.vigil.cli.internal.InputException;
import io.vigil.cli.internal.SetOption;
import io.vigil.cli.internal.fleet.FleetWatch;
import io.vigil.cli.internal.fleet.PrometheusOptions;
import io.vigil.cli.internal.otlp.OtlpEvents;
import io.vigil.cli.internal.otlp.OtlpOptions;
import io.vigil.cli.internal.otlp.OtlpSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil watch}: the fleet-wide analysis of {@code vigil rca --prometheus}, every step, with
 * one JSON line on standard output per settled incident and, with {@code --otlp-endpoint}, one
 * OpenTelemetry event.
 */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description =
        "Watches every service's signals in a Prometheus-compatible store, step by step, and"
            + " writes one JSON line per settled incident with its ranked root causes, and an"
            + " OTLP event with --otlp-endpoint (docs/fleet.md). Live until interrupted, or a"
            + " replay with --from and --to.")
public final class WatchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin PrometheusOptions backend;

  @Option(names = "--from", paramLabel = "TIME", description = "Replay from TIME (with --to).")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "Replay until TIME, then stop.")
  String to;

  @Option(
      names = "--settle",
      paramLabel = "DURATION",
      description = "Quiet time before an incident is ranked (default: three steps).")
  String settle;

  @Option(
      names = "--persistence",
      defaultValue = "2",
      description =
          "Consecutive anomalous points before a series raises an anomaly (default:"
              + " ${DEFAULT-VALUE}).")
  int persistence;

  @Option(
      names = "--max-series",
      defaultValue = "100000",
      description = "Most series watched at once (default: ${DEFAULT-VALUE}).")
  int maxSeries;

  @Option(
      names = "--detector",
      defaultValue = "ewma",
      description = "Detector per series (default: ${DEFAULT-VALUE}, the registry's).")
  String detector;

  @Mixin SetOption settings;

  @Option(
      names = "--lag",
      defaultValue = "30s",
      description =
          "Live only: how far behind the clock each step is read (default: ${DEFAULT-VALUE}).")
  String lag;

  @Mixin OtlpOptions otlp;

  @Override
  public Integer call() throws InterruptedException {
    if (!backend.present()) {
      throw new InputException("watch: missing --prometheus URL");
    }
    if ((from == null) != (to == null)) {
      throw new InputException("watch: give both --from and --to for a replay, or neither");
    }
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    OtlpSettings otlpSettings = otlp.settings();
    OtlpEvents events = null;
    try {
      if (otlpSettings != null) {
        events = OtlpEvents.start(otlpSettings, err);
      }
      FleetWatch watch =
          FleetWatch.configure(
              backend,
              detector,
              settings.values(),
              settle,
              persistence,
              maxSeries,
              lag,
              err,
              new WatchReports(out, events));
      if (from != null) {
        watch.replay(from, to);
      } else {
        watch.live();
      }
    } finally {
      if (events != null) {
        events.close();
      }
    }
    return 0;
  }
}
