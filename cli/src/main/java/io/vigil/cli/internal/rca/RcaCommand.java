package io.vigil.cli.internal.rca;

import io.vigil.cli.internal.InputException;
import io.vigil.cli.internal.fleet.PrometheusIncidentOptions;
import io.vigil.rca.Incident;
import io.vigil.rca.RankedCause;
import io.vigil.rca.RankerSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil rca}: ranks the likely root causes of an incident, with their evidence. */
@Command(
    name = "rca",
    mixinStandardHelpOptions = true,
    description =
        "Ranks the likely root causes of an incident file (graph, anomalies or alerts, optional"
            + " series; schema in docs/rca.md), or of the fleet a Prometheus-compatible store"
            + " holds (--prometheus; docs/fleet.md), most likely first, with the evidence for"
            + " each.",
    subcommands = {RcaEvalCommand.class})
public final class RcaCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    TEXT,
    JSON
  }

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "INCIDENT.json", description = "The incident file.")
  Path incidentFile;

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(
      names = "--method",
      defaultValue = "vigil",
      description = "Ranker: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  RankingMethod method;

  @Mixin PrometheusIncidentOptions prometheus;

  @Override
  public Integer call() {
    if (incidentFile != null && prometheus.present()) {
      throw new InputException("rca: give INCIDENT.json or --prometheus, not both");
    }
    if (incidentFile == null && !prometheus.present()) {
      throw new InputException(
          "rca: missing INCIDENT.json or --prometheus URL (or use 'vigil rca eval')");
    }
    Incident incident =
        prometheus.present()
            ? prometheus.incident(spec.commandLine().getErr())
            : IncidentFile.read(incidentFile);
    List<RankedCause> ranking = method.ranker(RankerSettings.DEFAULTS).rank(incident);
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case TEXT -> IncidentReport.text(incident, ranking, out);
      case JSON -> IncidentReport.json(incident, ranking, out);
    }
    out.flush();
    return 0;
  }
}
