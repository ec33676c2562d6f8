package io.vigil.live.internal;

import io.vigil.live.EventEvidence;
import io.vigil.live.IncidentReport;
import io.vigil.live.MarkedEvent;
import io.vigil.live.ReportedCause;
import io.vigil.live.ReportedEdge;
import io.vigil.live.SignalBand;
import io.vigil.live.SymptomCorrelation;
import io.vigil.rca.Anomaly;
import io.vigil.rca.AnomalyGroup;
import io.vigil.rca.CallGraph;
import io.vigil.rca.EdgeStats;
import io.vigil.rca.EventImpact;
import io.vigil.rca.GraphRootCauseRanker;
import io.vigil.rca.Incident;
import io.vigil.rca.MetricSeries;
import io.vigil.rca.PropagationPaths;
import io.vigil.rca.RankedCause;
import io.vigil.rca.SeriesCorrelation;
import io.vigil.rca.SignalEvidence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.jspecify.annotations.Nullable;

/**
 * Turns one settled group of anomalies into an {@link IncidentReport}: ranks the incident's scope
 * with {@link GraphRootCauseRanker}, then gathers for the top causes their correlation with the
 * symptom, the propagation paths, the subgraph, the signals with their bands and the marked events
 * nearby with their impact. Stateless apart from its settings; thread-safe.
 */
public final class ReportAssembler {

  /** Causes reported, at most. */
  static final int MAX_CAUSES = 5;

  /** Causes whose moved signals are shown with their bands, at most. */
  static final int MAX_BANDED_CAUSES = 3;

  /** Propagation paths reported, at most. */
  static final int MAX_PATHS = 10;

  private final CallGraph shared;
  private final SignalTable table;
  private final EventLog events;
  private final GraphRootCauseRanker ranker;
  private final long stepMillis;
  private final long eventWindowMillis;

  /** An assembler over the shared graph, the tracked signals and the marked events. */
  public ReportAssembler(
      CallGraph shared,
      SignalTable table,
      EventLog events,
      GraphRootCauseRanker ranker,
      long stepMillis,
      long eventWindowMillis) {
    this.shared = shared;
    this.table = table;
    this.events = events;
    this.ranker = ranker;
    this.stepMillis = stepMillis;
    this.eventWindowMillis = eventWindowMillis;
  }

  /** The report of a settled group; {@code sequence} is asked for once the analysis is done. */
  public IncidentReport assemble(AnomalyGroup group, long settledMillis, LongSupplier sequence) {
    IncidentScope scope = IncidentScope.of(group, shared, table);
    long start = group.firstMillis();
    long end = Math.max(start, settledMillis);
    Incident incident =
        new Incident(scope.graph(), group.anomalies(), scope.allSeries(), start, end);
    List<RankedCause> ranking = ranker.rank(incident);
    Map<String, RankedCause> byService = new HashMap<>();
    ranking.forEach(c -> byService.put(c.service(), c));
    Optional<Symptom> symptom = Symptom.of(group, scope.graph(), byService);
    List<RankedCause> top = ranking.stream().filter(c -> c.score() > 0).limit(MAX_CAUSES).toList();
    List<ReportedCause> causes = new ArrayList<>(top.size());
    for (int i = 0; i < top.size(); i++) {
      RankedCause c = top.get(i);
      causes.add(
          new ReportedCause(
              i + 1,
              c.service(),
              c.score(),
              withoutEchoes(c.evidence()),
              correlations(c, symptom, scope),
              c.explainedCallers(),
              c.onsetMillis()));
    }
    List<List<String>> paths =
        top.isEmpty()
            ? List.of()
            : PropagationPaths.from(
                scope.graph(), top.get(0).service(), onsets(group, ranking), MAX_PATHS);
    return new IncidentReport(
        sequence.getAsLong(),
        start,
        settledMillis,
        group.services().stream().sorted().toList(),
        causes,
        paths,
        subgraph(group, top),
        bands(top, scope, start),
        events(scope, byService, symptom, start, end),
        group.anomalies());
  }

  private List<SymptomCorrelation> correlations(
      RankedCause cause, Optional<Symptom> symptom, IncidentScope scope) {
    if (symptom.isEmpty()) {
      return List.of();
    }
    Symptom s = symptom.get();
    MetricSeries target = scope.series(s.service(), s.signal());
    if (target == null) {
      return List.of();
    }
    List<SymptomCorrelation> out = new ArrayList<>();
    for (SignalEvidence e : cause.evidence()) {
      MetricSeries own = scope.series(cause.service(), e.signal());
      if (!e.measured()
          || own == null
          || (cause.service().equals(s.service()) && e.signal().equals(s.signal()))) {
        continue;
      }
      double r = SeriesCorrelation.pearson(own, target, stepMillis);
      out.add(new SymptomCorrelation(s.service(), e.signal(), r, s.signal()));
    }
    return out;
  }

  /** The evidence without the alerts on signals whose measured evidence is there too. */
  private static List<SignalEvidence> withoutEchoes(List<SignalEvidence> evidence) {
    Set<String> measured = new HashSet<>();
    evidence.stream().filter(SignalEvidence::measured).forEach(e -> measured.add(e.signal()));
    return evidence.stream().filter(e -> e.measured() || !measured.contains(e.signal())).toList();
  }

  /** Each service's earliest onset, from its anomalies and from its scored signals. */
  private static List<Anomaly> onsets(AnomalyGroup group, List<RankedCause> ranking) {
    List<Anomaly> all = new ArrayList<>(group.anomalies());
    for (RankedCause c : ranking) {
      if (c.onsetMillis() != Long.MAX_VALUE) {
        all.add(new Anomaly(c.service(), "onset", c.onsetMillis(), 0.0));
      }
    }
    return all;
  }

  private List<ReportedEdge> subgraph(AnomalyGroup group, List<RankedCause> top) {
    Set<String> involved = new LinkedHashSet<>(group.services());
    top.forEach(c -> involved.add(c.service()));
    List<ReportedEdge> edges = new ArrayList<>();
    for (String caller : involved.stream().sorted().toList()) {
      for (String callee : shared.callees(caller)) {
        if (involved.contains(callee)) {
          Optional<EdgeStats> stats = shared.edge(caller, callee);
          EdgeStats.Snapshot s = stats.map(EdgeStats::snapshot).orElse(null);
          edges.add(
              new ReportedEdge(
                  caller, callee, s == null ? 0 : s.calls(), s == null ? 0 : s.errors()));
        }
      }
    }
    return edges;
  }

  private static List<SignalBand> bands(List<RankedCause> top, IncidentScope scope, long start) {
    List<SignalBand> bands = new ArrayList<>();
    for (RankedCause c : top.subList(0, Math.min(MAX_BANDED_CAUSES, top.size()))) {
      for (SignalEvidence e : c.evidence()) {
        MetricSeries s = scope.series(c.service(), e.signal());
        if (s != null && e.measured()) {
          double[] band = ExpectedBand.of(s, start);
          bands.add(
              new SignalBand(
                  s.service(), s.signal(), s.timestamps(), s.values(), band[0], band[1]));
        }
      }
    }
    return bands;
  }

  private List<EventEvidence> events(
      IncidentScope scope,
      Map<String, RankedCause> ranked,
      Optional<Symptom> symptom,
      long start,
      long end) {
    List<EventEvidence> out = new ArrayList<>();
    for (MarkedEvent event : events.between(start - eventWindowMillis, end)) {
      if (!scope.services().contains(event.service())) {
        continue;
      }
      MetricSeries series = impactSeries(event.service(), scope, ranked, symptom);
      if (series != null) {
        EventImpact impact = EventImpact.of(series, event.timestampMillis(), eventWindowMillis);
        out.add(new EventEvidence(event, impact, series.signal()));
      }
    }
    return out;
  }

  /**
   * The event's service's strongest measured signal, else any of its signals, else the symptom's.
   */
  private static @Nullable MetricSeries impactSeries(
      String service, IncidentScope scope, Map<String, RankedCause> ranked, Optional<Symptom> s) {
    RankedCause cause = ranked.get(service);
    if (cause != null) {
      for (SignalEvidence e : cause.evidence()) {
        MetricSeries series = scope.series(service, e.signal());
        if (series != null) {
          return series;
        }
      }
    }
    Map<String, MetricSeries> own = scope.series().get(service);
    if (own != null && !own.isEmpty()) {
      return own.values().iterator().next();
    }
    return s.map(sym -> scope.series(sym.service(), sym.signal())).orElse(null);
  }
}
