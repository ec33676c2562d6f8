package io.vigil.rca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class IncidentGrouperTest {

  private final CallGraph graph = GraphRootCauseRankerTest.seedExample().graph();

  @Test
  void connectedAnomaliesCloseInTimeFormOneIncident() {
    IncidentGrouper grouper = new IncidentGrouper(graph, 120_000, 10, 100);
    grouper.add(new Anomaly("database", "latency", 0, 1));
    grouper.add(new Anomaly("user-service", "errors", 30_000, 1));
    grouper.add(new Anomaly("web-frontend", "errors", 60_000, 1));
    // Not connected to anything open: a separate incident.
    grouper.add(new Anomaly("billing", "cpu", 70_000, 1));

    assertThat(grouper.openIncidents()).hasSize(2);
    List<AnomalyGroup> closed = grouper.advance(60_000 + 120_001);
    assertThat(closed).hasSize(1);
    assertThat(closed.get(0).services())
        .containsExactly("database", "user-service", "web-frontend");
    assertThat(closed.get(0).firstMillis()).isZero();
    assertThat(closed.get(0).lastMillis()).isEqualTo(60_000);
  }

  @Test
  void aNewIncidentStartsAfterTheQuietTime() {
    IncidentGrouper grouper = new IncidentGrouper(graph, 60_000, 10, 100);
    assertThat(grouper.add(new Anomaly("database", "latency", 0, 1))).isEmpty();
    List<AnomalyGroup> closed = grouper.add(new Anomaly("database", "latency", 60_001, 1));
    assertThat(closed).hasSize(1);
    assertThat(grouper.openIncidents())
        .singleElement()
        .extracting(AnomalyGroup::firstMillis)
        .isEqualTo(60_001L);
  }

  @Test
  void anAnomalyTouchingTwoIncidentsMergesThem() {
    IncidentGrouper grouper = new IncidentGrouper(graph, 60_000, 10, 100);
    grouper.add(new Anomaly("cache", "miss", 0, 1));
    grouper.add(new Anomaly("database", "latency", 1_000, 1));
    assertThat(grouper.openIncidents()).hasSize(2);
    grouper.add(new Anomaly("user-service", "errors", 2_000, 1));
    assertThat(grouper.openIncidents())
        .singleElement()
        .extracting(AnomalyGroup::services)
        .satisfies(
            s -> assertThat(s).containsExactlyInAnyOrder("cache", "database", "user-service"));
  }

  @Test
  void memoryStaysBounded() {
    IncidentGrouper grouper = new IncidentGrouper(graph, 60_000, 2, 3);
    for (int i = 0; i < 10; i++) {
      grouper.add(new Anomaly("database", "latency", i, 1));
    }
    assertThat(grouper.openIncidents().get(0).anomalies()).hasSize(3);
    assertThat(grouper.openIncidents().get(0).dropped()).isEqualTo(7);
    grouper.add(new Anomaly("x", "a", 20, 1));
    List<AnomalyGroup> closed = grouper.add(new Anomaly("y", "a", 21, 1));
    assertThat(closed).hasSize(1);
    assertThat(grouper.openIncidents()).hasSize(2);
  }
}
