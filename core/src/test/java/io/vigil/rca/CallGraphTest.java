package io.vigil.rca;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallGraphTest {

  @Test
  void learnsEdgesAndTheirStatisticsFromCalls() {
    CallGraph graph = new CallGraph();
    graph.recordCall("frontend", "cart", 10.0, false);
    graph.recordCall("frontend", "cart", 30.0, true);
    graph.recordCall("frontend", "cart", Double.NaN, false);

    EdgeStats.Snapshot stats = graph.edge("frontend", "cart").orElseThrow().snapshot();
    assertThat(stats.calls()).isEqualTo(2);
    assertThat(stats.errors()).isEqualTo(1);
    assertThat(stats.invalid()).isEqualTo(1);
    assertThat(stats.errorRatio()).isEqualTo(0.5);
    assertThat(stats.meanLatencyMillis()).isEqualTo(20.0);
    assertThat(stats.maxLatencyMillis()).isEqualTo(30.0);
    assertThat(graph.callees("frontend")).containsExactly("cart");
    assertThat(graph.callers("cart")).containsExactly("frontend");
    assertThat(graph.callers("nobody")).isEmpty();
  }

  @Test
  void staysWithinItsCapsAndCountsWhatItDropped() {
    CallGraph graph = new CallGraph(3, 2);
    graph.addEdge("a", "b");
    graph.addEdge("b", "c");
    assertThat(graph.addEdge("c", "a")).isEmpty();
    assertThat(graph.addEdge("a", "d")).isEmpty();
    assertThat(graph.edgeCount()).isEqualTo(2);
    assertThat(graph.services()).containsExactly("a", "b", "c");
    assertThat(graph.dropped()).isEqualTo(2);
  }

  @Test
  void acceptsCyclesAndSelfCalls() {
    CallGraph graph = new CallGraph();
    graph.addEdge("a", "b");
    graph.addEdge("b", "a");
    graph.addEdge("a", "a");
    assertThat(graph.callees("a")).containsExactly("b", "a");
    assertThat(graph.edges()).hasSize(3);
  }
}
