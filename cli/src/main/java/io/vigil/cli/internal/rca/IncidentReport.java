package io.vigil.cli.internal.rca;

import io.vigil.cli.internal.TerminalText;
import io.vigil.cli.internal.fleet.FleetWatcher;
import io.vigil.rca.Incident;
import io.vigil.rca.PropagationPaths;
import io.vigil.rca.RankedCause;
import io.vigil.rca.SignalEvidence;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a ranking with its evidence as text for people, with every name from the input escaped
 * ({@link TerminalText}), or as JSON for tools.
 */
final class IncidentReport {

  private static final int MAX_PATHS = 10;

  private IncidentReport() {}

  static void text(Incident incident, List<RankedCause> ranking, PrintWriter out) {
    if (ranking.isEmpty()) {
      out.println("no candidate services: the incident has no anomalies, series or graph");
      return;
    }
    int rank = 1;
    for (RankedCause cause : ranking) {
      out.printf(
          Locale.ROOT,
          "%d. %s  score=%.4g  onset=%s%s%n",
          rank++,
          TerminalText.escape(cause.service()),
          cause.score(),
          time(cause.onsetMillis()),
          cause.explainedCallers().isEmpty()
              ? ""
              : "  explains=" + TerminalText.escape(String.join(",", cause.explainedCallers())));
      for (SignalEvidence e : cause.evidence()) {
        out.printf(Locale.ROOT, "     %s %s%n", TerminalText.escape(e.signal()), evidence(e));
      }
    }
    for (List<String> path : paths(incident, ranking)) {
      out.println("propagation: " + TerminalText.escape(String.join(" -> ", path)));
    }
  }

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  static void json(Incident incident, List<RankedCause> ranking, PrintWriter out) {
    out.println(
        MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node(incident, ranking)));
  }

  /** One settled incident of {@code vigil watch} as one JSON line. */
  static void jsonLine(FleetWatcher.Report report, PrintWriter out) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("event", "vigil.incident.report");
    putTime(root, "start", report.group().firstMillis());
    putTime(root, "lastAnomaly", report.group().lastMillis());
    ArrayNode services = root.putArray("anomalousServices");
    report.group().services().stream().sorted().forEach(services::add);
    root.put("anomalies", report.group().anomalies().size() + report.group().dropped());
    root.setAll(node(report.incident(), report.ranking()));
    out.println(MAPPER.writeValueAsString(root));
  }

  private static ObjectNode node(Incident incident, List<RankedCause> ranking) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode causes = root.putArray("causes");
    int rank = 1;
    for (RankedCause cause : ranking) {
      ObjectNode c = causes.addObject();
      c.put("rank", rank++);
      c.put("service", cause.service());
      c.put("score", cause.score());
      putTime(c, "onset", cause.onsetMillis());
      ArrayNode explained = c.putArray("explainedCallers");
      cause.explainedCallers().forEach(explained::add);
      ArrayNode evidence = c.putArray("evidence");
      for (SignalEvidence e : cause.evidence()) {
        ObjectNode n = evidence.addObject();
        n.put("signal", e.signal());
        putNumber(n, "normalMedian", e.normalMedian());
        putNumber(n, "normalSpread", e.normalSpread());
        putNumber(n, "peak", e.peak());
        n.put("deviation", e.deviation());
        putTime(n, "onset", e.onsetMillis());
      }
    }
    ArrayNode paths = root.putArray("propagation");
    paths(incident, ranking).forEach(p -> p.forEach(paths.addArray()::add));
    return root;
  }

  /** Paths from the first cause up to the services it affected, each culprit first. */
  static List<List<String>> paths(Incident incident, List<RankedCause> ranking) {
    if (ranking.isEmpty()) {
      return List.of();
    }
    return PropagationPaths.from(
        incident.graph(), ranking.get(0).service(), anomaliesOf(incident, ranking), MAX_PATHS);
  }

  /** Every moved signal as an anomaly, so that paths follow series evidence as well as alerts. */
  private static List<io.vigil.rca.Anomaly> anomaliesOf(
      Incident incident, List<RankedCause> ranking) {
    return ranking.stream()
        .filter(c -> c.onsetMillis() != Long.MAX_VALUE)
        .map(c -> new io.vigil.rca.Anomaly(c.service(), "any", c.onsetMillis(), 1.0))
        .toList();
  }

  private static String evidence(SignalEvidence e) {
    String when = "from " + time(e.onsetMillis());
    if (Double.isNaN(e.normalMedian())) {
      return String.format(Locale.ROOT, "alert magnitude %.4g %s", e.deviation(), when);
    }
    return String.format(
        Locale.ROOT,
        "peak %.4g vs normal median %.4g (IQR %.4g): %+.3g deviations %s",
        e.peak(),
        e.normalMedian(),
        e.normalSpread(),
        e.deviation(),
        when);
  }

  private static String time(long millis) {
    return millis == Long.MAX_VALUE ? "-" : Instant.ofEpochMilli(millis).toString();
  }

  private static void putTime(ObjectNode node, String name, long millis) {
    if (millis == Long.MAX_VALUE) {
      node.putNull(name);
    } else {
      node.put(name, Instant.ofEpochMilli(millis).toString());
    }
  }

  private static void putNumber(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }
}
