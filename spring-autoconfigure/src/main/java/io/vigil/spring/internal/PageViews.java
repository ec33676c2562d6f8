package io.vigil.spring.internal;

import io.vigil.live.IncidentReport;
import io.vigil.live.ReportedCause;
import io.vigil.live.ReportedEdge;
import io.vigil.live.SignalBand;
import io.vigil.live.SymptomCorrelation;
import io.vigil.rca.SignalEvidence;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Builds the report page's view from an incident report, or for none yet. */
public final class PageViews {

  private PageViews() {}

  /** The page before any incident report. */
  public static PageView noReport(String service, String summary) {
    return new PageView(
        "Vigil \u00b7 " + service,
        summary,
        new GraphView(List.of(), List.of(), Set.of()),
        List.of(),
        List.of());
  }

  /** The page of one report: its subgraph with the top cause marked, causes, culprit signals. */
  public static PageView of(String service, IncidentReport report) {
    Set<String> services = new LinkedHashSet<>(report.services());
    List<GraphView.Edge> edges = new ArrayList<>();
    for (ReportedEdge e : report.subgraph()) {
      services.add(e.caller());
      services.add(e.callee());
      edges.add(new GraphView.Edge(e.caller(), e.callee(), e.calls(), e.errors()));
    }
    Set<String> culprits = Set.of();
    if (report.topCause().isPresent()) {
      culprits = Set.of(report.topCause().get().service());
      services.add(report.topCause().get().service());
    }
    List<PageView.Cause> causes = report.causes().stream().map(PageViews::cause).toList();
    List<PageView.Plot> plots = new ArrayList<>();
    for (SignalBand band : report.signals()) {
      if (culprits.contains(band.service())) {
        plots.add(plot(band));
      }
    }
    return new PageView(
        "Vigil \u00b7 " + service + " \u00b7 incident " + report.sequence(),
        report.summary(),
        new GraphView(new ArrayList<>(services), edges, culprits),
        causes,
        plots);
  }

  private static PageView.Cause cause(ReportedCause cause) {
    List<String> evidence = new ArrayList<>();
    for (SignalEvidence e : cause.evidence()) {
      evidence.add(
          String.format(
              Locale.ROOT,
              "%s: peak %.4g against a normal median of %.4g (%+.1f spreads), from %s",
              e.signal(),
              e.peak(),
              e.normalMedian(),
              e.deviation(),
              e.onsetMillis() == Long.MAX_VALUE ? "-" : Instant.ofEpochMilli(e.onsetMillis())));
    }
    for (SymptomCorrelation c : cause.correlations()) {
      if (Double.isFinite(c.pearson())) {
        evidence.add(
            String.format(
                Locale.ROOT,
                "%s follows %s %s (Pearson %.2f)",
                c.signal(),
                c.symptomService(),
                c.symptomSignal(),
                c.pearson()));
      }
    }
    if (!cause.explainedCallers().isEmpty()) {
      evidence.add("explains its anomalous callers " + String.join(", ", cause.explainedCallers()));
    }
    return new PageView.Cause(cause.rank(), cause.service(), cause.score(), evidence);
  }

  private static PageView.Plot plot(SignalBand band) {
    long[] timestamps = band.timestamps();
    double[] lower = new double[timestamps.length];
    double[] upper = new double[timestamps.length];
    Arrays.fill(lower, band.lower());
    Arrays.fill(upper, band.upper());
    return new PageView.Plot(
        band.service(), band.signal(), timestamps, band.values(), lower, upper);
  }
}
