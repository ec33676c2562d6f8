package io.vigil.spring.internal;

import io.vigil.live.IncidentReport;
import io.vigil.live.LiveIncidentAnalyzer;
import io.vigil.spring.VigilEndpointSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoint's {@code reports} section: the analyzer's latest reports, newest first, with its
 * counts and its latest anomalies from every source.
 */
public final class ReportsSection implements VigilEndpointSection {

  /** How many of the analyzer's recent anomalies the section shows, newest last. */
  static final int RECENT_ANOMALIES = 100;

  private final LiveIncidentAnalyzer analyzer;

  /** Reads this analyzer. */
  public ReportsSection(LiveIncidentAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  @Override
  public String name() {
    return "reports";
  }

  @Override
  public Object read() {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("counts", analyzer.counts());
    List<IncidentReport> reports = analyzer.reports();
    List<Map<String, Object>> newestFirst = new ArrayList<>();
    for (int i = reports.size() - 1; i >= 0; i--) {
      newestFirst.add(describe(reports.get(i)));
    }
    out.put("reports", newestFirst);
    List<io.vigil.rca.Anomaly> anomalies = analyzer.recentAnomalies();
    out.put(
        "recentAnomalies",
        anomalies.subList(Math.max(0, anomalies.size() - RECENT_ANOMALIES), anomalies.size()));
    return out;
  }

  private static Map<String, Object> describe(IncidentReport report) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("sequence", report.sequence());
    out.put("summary", report.summary());
    out.put("startMillis", report.startMillis());
    out.put("settledMillis", report.settledMillis());
    out.put("services", report.services());
    out.put("topCause", report.topCause().map(c -> c.service()).orElse(null));
    out.put("causes", report.causes());
    out.put("propagation", report.propagation());
    out.put("subgraph", report.subgraph());
    out.put("events", report.events());
    out.put("anomalies", report.anomalies());
    return out;
  }
}
