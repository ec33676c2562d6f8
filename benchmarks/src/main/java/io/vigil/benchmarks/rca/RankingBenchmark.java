package io.vigil.benchmarks.rca;

import io.vigil.rca.CallGraph;
import io.vigil.rca.GraphRootCauseRanker;
import io.vigil.rca.Incident;
import io.vigil.rca.MaxSignalRanker;
import io.vigil.rca.MetricSeries;
import io.vigil.rca.RankedCause;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ranking one incident of 100 services and 1,000 series (10 per service, 120 points each: 60
 * normal, 60 anomalous, a fault in one service spreading to its callers) on a random call graph
 * with cycles. Vigil's ranker against the n-sigma and BARO baselines, which score the same series
 * but skip the graph walk.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class RankingBenchmark {

  @Param("100")
  int services;

  @Param("10")
  int seriesPerService;

  @Param("120")
  int points;

  private Incident incident;
  private final GraphRootCauseRanker vigil = GraphRootCauseRanker.create();
  private final MaxSignalRanker nsigma = MaxSignalRanker.nsigma();
  private final MaxSignalRanker baro = MaxSignalRanker.baro();

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    CallGraph graph = new CallGraph();
    for (int s = 0; s < services; s++) {
      for (int k = 0; k < 3; k++) {
        int callee = random.nextInt(services);
        if (callee != s) {
          graph.addEdge("svc-" + s, "svc-" + callee);
        }
      }
    }
    int root = services - 1;
    List<String> affected = new ArrayList<>(graph.callers("svc-" + root));
    affected.add("svc-" + root);
    long start = 60_000L * (points / 2);
    List<MetricSeries> series = new ArrayList<>(services * seriesPerService);
    for (int s = 0; s < services; s++) {
      boolean hit = affected.contains("svc-" + s);
      for (int m = 0; m < seriesPerService; m++) {
        long[] t = new long[points];
        double[] v = new double[points];
        for (int i = 0; i < points; i++) {
          t[i] = 60_000L * i;
          v[i] = 100 + 10 * random.nextGaussian() + (hit && t[i] >= start ? 80 : 0);
        }
        series.add(new MetricSeries("svc-" + s, "metric-" + m, t, v));
      }
    }
    incident = new Incident(graph, List.of(), series, start, Long.MAX_VALUE);
  }

  @Benchmark
  public List<RankedCause> vigil() {
    return vigil.rank(incident);
  }

  @Benchmark
  public List<RankedCause> nsigmaBaseline() {
    return nsigma.rank(incident);
  }

  @Benchmark
  public List<RankedCause> baroBaseline() {
    return baro.rank(incident);
  }
}
