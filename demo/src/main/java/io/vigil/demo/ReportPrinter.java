package io.vigil.demo;

import io.vigil.live.IncidentReport;
import io.vigil.live.ReportedCause;
import io.vigil.rca.SignalEvidence;
import java.io.PrintStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Prints an incident report for a person at a terminal: the likely root cause first with the
 * signals that moved, the services it explains and the propagation paths, then the other candidates
 * and the URL of the report page.
 */
final class ReportPrinter {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final int MAX_EVIDENCE = 4;
  private static final int MAX_OTHERS = 3;

  private final PrintStream out;

  ReportPrinter(PrintStream out) {
    this.out = out;
  }

  /** Prints the report; {@code pageUrl} is where the page shows it. */
  void print(IncidentReport report, String pageUrl) {
    out.printf(
        Locale.ROOT,
        "== Vigil incident %d: %s to %s UTC, %d services anomalous (%s)%n",
        report.sequence(),
        time(report.startMillis()),
        time(report.settledMillis()),
        report.services().size(),
        String.join(", ", report.services()));
    if (report.topCause().isEmpty()) {
      out.println("no likely cause: no anomalous service scored");
    } else {
      printCause(report.topCause().get());
      if (!report.propagation().isEmpty()) {
        out.println("   propagation:");
        for (List<String> path : report.propagation()) {
          out.println("     " + String.join(" -> ", path));
        }
      }
      List<ReportedCause> others = report.causes().subList(1, report.causes().size());
      if (!others.isEmpty()) {
        out.println("other candidates:");
        others.stream()
            .limit(MAX_OTHERS)
            .forEach(
                c ->
                    out.printf(
                        Locale.ROOT, "   %d. %s (score %.3g)%n", c.rank(), c.service(), c.score()));
      }
    }
    out.println("report page: " + pageUrl);
  }

  private void printCause(ReportedCause cause) {
    out.printf(
        Locale.ROOT,
        "likely root cause: %s (score %.3g)%s%n",
        cause.service(),
        cause.score(),
        cause.onsetMillis() == Long.MAX_VALUE
            ? ""
            : ", first moved at " + time(cause.onsetMillis()));
    if (!cause.evidence().isEmpty()) {
      out.println("   evidence:");
      cause.evidence().stream().limit(MAX_EVIDENCE).forEach(this::printEvidence);
    }
    if (!cause.explainedCallers().isEmpty()) {
      out.println("   explains its callers: " + String.join(", ", cause.explainedCallers()));
    }
  }

  private void printEvidence(SignalEvidence e) {
    if (Double.isNaN(e.normalMedian())) {
      out.printf(Locale.ROOT, "     %s: alert, magnitude %.1f%n", e.signal(), e.deviation());
      return;
    }
    out.printf(
        Locale.ROOT,
        "     %s: normal %.4g (spread %.3g), peak %.4g, %+.1f spreads%s%n",
        e.signal(),
        e.normalMedian(),
        e.normalSpread(),
        e.peak(),
        e.deviation(),
        e.onsetMillis() == Long.MAX_VALUE ? "" : ", from " + time(e.onsetMillis()));
  }

  private static String time(long millis) {
    return TIME.format(Instant.ofEpochMilli(millis));
  }
}
