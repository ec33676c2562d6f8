package io.vigil.rca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GraphRootCauseRankerTest {

  private final GraphRootCauseRanker ranker = GraphRootCauseRanker.create();

  /** The seed's example, which its own analyzer gets wrong. */
  static Incident seedExample() {
    CallGraph graph = new CallGraph();
    graph.addEdge("web-frontend", "user-service");
    graph.addEdge("web-frontend", "product-service");
    graph.addEdge("user-service", "database");
    graph.addEdge("user-service", "cache");
    graph.addEdge("product-service", "database");
    graph.addEdge("product-service", "search-service");
    return Incident.ofAnomalies(
        graph,
        List.of(
            new Anomaly("database", "latency_p99", 1_000, 1.0),
            new Anomaly("database", "connections", 1_500, 1.0),
            new Anomaly("user-service", "error_rate", 31_000, 1.0),
            new Anomaly("product-service", "latency_p99", 32_000, 1.0),
            new Anomaly("web-frontend", "error_rate", 61_000, 1.0)));
  }

  @Test
  void ranksTheDatabaseFirstInTheSeedExample() {
    List<RankedCause> ranking = ranker.rank(seedExample());

    assertThat(ranking.get(0).service()).isEqualTo("database");
    assertThat(ranking.get(0).explainedCallers())
        .containsExactlyInAnyOrder("user-service", "product-service", "web-frontend");
    assertThat(ranking.get(0).evidence())
        .extracting(SignalEvidence::signal)
        .containsExactlyInAnyOrder("latency_p99", "connections");
    assertThat(ranking.get(0).onsetMillis()).isEqualTo(1_000);
    assertThat(ranking)
        .extracting(RankedCause::service)
        .containsExactlyInAnyOrder(
            "database",
            "user-service",
            "product-service",
            "web-frontend",
            "cache",
            "search-service");
  }

  @Test
  void ranksTheDatabaseFirstEvenWhenItsCallersAreLouder() {
    Incident seed = seedExample();
    List<Anomaly> louder =
        seed.anomalies().stream()
            .map(
                a ->
                    a.service().equals("database")
                        ? a
                        : new Anomaly(a.service(), a.signal(), a.onsetMillis(), 3.0))
            .toList();

    List<RankedCause> ranking = ranker.rank(Incident.ofAnomalies(seed.graph(), louder));

    assertThat(ranking.get(0).service()).isEqualTo("database");
  }

  @Test
  void ranksFromSeriesWhenThereIsNoGraph() {
    long[] t = new long[40];
    double[] flat = new double[40];
    double[] jump = new double[40];
    for (int i = 0; i < 40; i++) {
      t[i] = i * 1000L;
      flat[i] = 10 + (i % 3);
      jump[i] = i < 20 ? 5 + (i % 2) : 50;
    }
    Incident incident =
        new Incident(
            new CallGraph(),
            List.of(),
            List.of(new MetricSeries("a", "cpu", t, flat), new MetricSeries("b", "cpu", t, jump)),
            20_000,
            Long.MAX_VALUE);

    List<RankedCause> ranking = ranker.rank(incident);

    assertThat(ranking).extracting(RankedCause::service).containsExactly("b", "a");
    SignalEvidence evidence = ranking.get(0).evidence().get(0);
    assertThat(evidence.normalMedian()).isEqualTo(5.5);
    assertThat(evidence.normalSpread()).isEqualTo(1.0);
    assertThat(evidence.deviation()).isEqualTo(44.5);
    assertThat(evidence.onsetMillis()).isEqualTo(20_000);
    assertThat(ranking.get(1).evidence()).isEmpty();
  }

  @Test
  void survivesCyclesUnknownServicesAndEmptyIncidents() {
    CallGraph graph = new CallGraph();
    graph.addEdge("a", "b");
    graph.addEdge("b", "a");
    graph.addEdge("b", "b");

    assertThat(ranker.rank(Incident.ofAnomalies(new CallGraph(), List.of()))).isEmpty();
    List<RankedCause> ranking =
        ranker.rank(
            Incident.ofAnomalies(
                graph,
                List.of(new Anomaly("b", "latency", 0, 2.0), new Anomaly("ghost", "cpu", 5, 1.0))));
    assertThat(ranking).extracting(RankedCause::service).contains("a", "b", "ghost");
    assertThat(ranking.get(0).service()).isEqualTo("b");
  }

  @Test
  void ordersEqualScoresByNameWhateverOrderTheServicesCameIn() {
    CallGraph graph = new CallGraph();
    graph.addEdge("zeta", "alpha");
    graph.addEdge("mid", "alpha");

    List<RankedCause> ranking = ranker.rank(Incident.ofAnomalies(graph, List.of()));

    assertThat(ranking).extracting(RankedCause::score).containsOnly(0.0);
    assertThat(ranking).extracting(RankedCause::service).containsExactly("alpha", "mid", "zeta");
  }

  /**
   * A pod's CPU leaves its normal range by 9.5 IQRs, its neighbour's near-constant latency by 99.
   */
  static Incident cpuFaultBesideAWaitingService() {
    long[] t = new long[40];
    double[] cpu = new double[40];
    double[] latency = new double[40];
    for (int i = 0; i < 40; i++) {
      t[i] = i * 1000L;
      cpu[i] = i < 20 ? 10 + (i % 3) : 30;
      latency[i] = i < 20 ? 1.0 + 0.01 * (i % 2) : 2.0;
    }
    return new Incident(
        new CallGraph(),
        List.of(),
        List.of(
            new MetricSeries("frontend", "CpuUsageRate(%)", t, cpu),
            new MetricSeries("catalog", "PodServerLatencyP90(s)", t, latency)),
        20_000,
        Long.MAX_VALUE);
  }

  @Test
  void ranksAServiceWhoseOwnCpuMovedAboveOneWhoseLatencyMovedMoreSpreads() {
    Incident incident = cpuFaultBesideAWaitingService();

    List<RankedCause> ranking = ranker.rank(incident);
    List<RankedCause> unweighted =
        new GraphRootCauseRanker(RankerSettings.DEFAULTS.toBuilder().resourceWeight(1.0).build())
            .rank(incident);

    assertThat(ranking).extracting(RankedCause::service).containsExactly("frontend", "catalog");
    assertThat(ranking.get(0).evidence().get(0).deviation()).isEqualTo(9.5);
    assertThat(unweighted).extracting(RankedCause::service).containsExactly("catalog", "frontend");
  }

  @Test
  void takesAnAlertsMagnitudeAsGivenWhateverItsSignal() {
    List<RankedCause> ranking =
        ranker.rank(
            Incident.ofAnomalies(
                new CallGraph(),
                List.of(new Anomaly("a", "latency", 0, 2.0), new Anomaly("b", "cpu", 0, 1.0))));

    assertThat(ranking).extracting(RankedCause::service).containsExactly("a", "b");
  }

  @Test
  void leavesAResourceWobbleBelowTheOnsetThresholdUnweighted() {
    long[] t = new long[40];
    double[] cpu = new double[40];
    double[] latency = new double[40];
    for (int i = 0; i < 40; i++) {
      t[i] = i * 1000L;
      cpu[i] = i < 20 ? 10 + (i % 3) : 15; // (15 - 11) / 2 = 2 IQRs: has not moved
      latency[i] = i < 20 ? 1.0 + 0.01 * (i % 2) : 1.1; // about 9.5 spreads
    }
    Incident incident =
        new Incident(
            new CallGraph(),
            List.of(),
            List.of(
                new MetricSeries("wobbly", "CpuUsageRate(%)", t, cpu),
                new MetricSeries("delayed", "PodServerLatencyP90(s)", t, latency)),
            20_000,
            Long.MAX_VALUE);

    assertThat(ranker.rank(incident))
        .extracting(RankedCause::service)
        .containsExactly("delayed", "wobbly");
  }
}
