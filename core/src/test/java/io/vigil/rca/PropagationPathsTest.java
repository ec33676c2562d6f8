package io.vigil.rca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PropagationPathsTest {

  @Test
  void followsAnomalousCallersFromTheRootInOnsetOrder() {
    Incident seed = GraphRootCauseRankerTest.seedExample();

    List<List<String>> paths =
        PropagationPaths.from(seed.graph(), "database", seed.anomalies(), 10);

    assertThat(paths)
        .containsExactlyInAnyOrder(
            List.of("database", "user-service", "web-frontend"),
            List.of("database", "product-service", "web-frontend"));
    assertThat(PropagationPaths.from(seed.graph(), "cache", seed.anomalies(), 10)).isEmpty();
  }

  @Test
  void cutsCyclesAndStopsAtTheCap() {
    CallGraph graph = new CallGraph();
    graph.addEdge("a", "b");
    graph.addEdge("b", "a");
    List<Anomaly> anomalies = List.of(new Anomaly("b", "x", 0, 1), new Anomaly("a", "x", 0, 1));
    assertThat(PropagationPaths.from(graph, "b", anomalies, 10)).containsExactly(List.of("b", "a"));
    assertThat(PropagationPaths.from(graph, "b", anomalies, 0)).isEmpty();
  }
}
