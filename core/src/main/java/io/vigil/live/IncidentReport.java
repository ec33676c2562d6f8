package io.vigil.live;

import io.vigil.rca.Anomaly;
import io.vigil.rca.SignalEvidence;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One settled incident, ranked: what the {@link LiveIncidentAnalyzer} publishes. Immutable; every
 * list is copied.
 *
 * @param sequence 1 for the analyzer's first report, then counting up
 * @param startMillis the earliest anomaly onset: the end of the normal window
 * @param settledMillis when the incident was judged settled (no anomaly for the settle time)
 * @param services the services that had an anomaly, sorted
 * @param causes the likely root causes, best first (only those with a positive score)
 * @param propagation paths from the top cause up to the services it affected, each culprit first
 * @param subgraph the call-graph edges among the incident's services and causes
 * @param signals the causes' moved signals with their recent values and expected bands
 * @param events marked events inside the incident or just before it, with their impact
 * @param anomalies the anomalies grouped into the incident, in arrival order
 */
public record IncidentReport(
    long sequence,
    long startMillis,
    long settledMillis,
    List<String> services,
    List<ReportedCause> causes,
    List<List<String>> propagation,
    List<ReportedEdge> subgraph,
    List<SignalBand> signals,
    List<EventEvidence> events,
    List<Anomaly> anomalies) {

  /** Copies the lists. */
  public IncidentReport {
    services = List.copyOf(services);
    causes = List.copyOf(causes);
    propagation = propagation.stream().map(List::copyOf).toList();
    subgraph = List.copyOf(subgraph);
    signals = List.copyOf(signals);
    events = List.copyOf(events);
    anomalies = List.copyOf(anomalies);
  }

  /** The most likely root cause, empty when no service scored. */
  public Optional<ReportedCause> topCause() {
    return causes.isEmpty() ? Optional.empty() : Optional.of(causes.get(0));
  }

  /** One line for a log: when, the top cause with its strongest signal, and the services hit. */
  public String summary() {
    StringBuilder line =
        new StringBuilder("incident ")
            .append(sequence)
            .append(" from ")
            .append(Instant.ofEpochMilli(startMillis))
            .append(" to ")
            .append(Instant.ofEpochMilli(settledMillis))
            .append(": ");
    Optional<ReportedCause> top = topCause();
    if (top.isEmpty()) {
      line.append("no likely cause");
    } else {
      ReportedCause cause = top.get();
      line.append("likely cause ")
          .append(cause.service())
          .append(String.format(Locale.ROOT, " (score %.3g", cause.score()));
      if (!cause.evidence().isEmpty()) {
        SignalEvidence e = cause.evidence().get(0);
        line.append(String.format(Locale.ROOT, ", %s %+.1f", e.signal(), e.deviation()));
      }
      line.append(')');
    }
    line.append("; ").append(services.size()).append(" services anomalous: ");
    line.append(String.join(", ", services));
    if (!events.isEmpty()) {
      MarkedEvent e = events.get(0).event();
      line.append("; after ").append(e.kind()).append(" of ").append(e.service());
    }
    return line.toString();
  }
}
