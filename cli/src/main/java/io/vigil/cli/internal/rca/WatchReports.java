package io.vigil.cli.internal.rca;

import io.vigil.cli.internal.StandardOutput;
import io.vigil.cli.internal.fleet.FleetWatcher;
import io.vigil.cli.internal.otlp.OtlpEvents;
import io.vigil.live.ReportedCause;
import io.vigil.rca.RankedCause;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Where {@code vigil watch}'s settled incidents go: one JSON line each on standard output, written
 * first, and, with {@code --otlp-endpoint}, one OpenTelemetry event each. A line that cannot be
 * written stops the watch ({@link io.vigil.cli.internal.OutputException}, exit code 1) before its
 * event is sent.
 */
final class WatchReports implements Consumer<FleetWatcher.Report> {

  private final PrintWriter out;
  private final @Nullable OtlpEvents events;
  private long sequence;

  WatchReports(PrintWriter out, @Nullable OtlpEvents events) {
    this.out = out;
    this.events = events;
  }

  @Override
  public void accept(FleetWatcher.Report report) {
    IncidentReport.jsonLine(report, out);
    StandardOutput.check(out);
    sequence++;
    if (events != null) {
      events.emit(event(report, sequence));
    }
  }

  /**
   * The report in the model {@code VigilEventEmitter} emits, as the in-process analyzer builds it:
   * the causes that scored, best first, and the propagation paths of the JSON line. A fleet report
   * has no symptom correlations, bands or marked events, and the event carries no subgraph, so
   * those are empty.
   */
  static io.vigil.live.IncidentReport event(FleetWatcher.Report report, long sequence) {
    List<ReportedCause> causes = new ArrayList<>();
    for (RankedCause c : report.ranking()) {
      if (c.score() > 0) {
        causes.add(
            new ReportedCause(
                causes.size() + 1,
                c.service(),
                c.score(),
                c.evidence(),
                List.of(),
                c.explainedCallers(),
                c.onsetMillis()));
      }
    }
    return new io.vigil.live.IncidentReport(
        sequence,
        report.group().firstMillis(),
        report.incident().endMillis(),
        report.group().services().stream().sorted().toList(),
        causes,
        causes.isEmpty() ? List.of() : IncidentReport.paths(report.incident(), report.ranking()),
        List.of(),
        List.of(),
        List.of(),
        report.group().anomalies());
  }
}
