package io.vigil.live.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.rca.Anomaly;
import io.vigil.rca.AnomalyGroup;
import io.vigil.rca.CallGraph;
import io.vigil.rca.RankedCause;
import io.vigil.rca.SignalEvidence;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SymptomTest {

  private static RankedCause measured(String service, String signal, long onset) {
    SignalEvidence e = new SignalEvidence(service, signal, 1, 1, 10, 9, onset);
    return new RankedCause(service, 1, List.of(e), List.of(), onset);
  }

  @Test
  void theSymptomIsTheEntryPointAboveTheMostAnomalousServices() {
    CallGraph graph = new CallGraph();
    graph.addEdge("web", "api");
    graph.addEdge("api", "db");
    graph.addEdge("batch", "db");
    AnomalyGroup group =
        new AnomalyGroup(
            List.of(new Anomaly("db", "latency", 0, 1)),
            Set.of("web", "api", "db", "batch"),
            0,
            0,
            0);
    Map<String, RankedCause> ranked =
        Map.of(
            "web", measured("web", "p99", 20),
            "api", measured("api", "p99", 10),
            "db", measured("db", "latency", 0),
            "batch", measured("batch", "duration", 5));
    // web and batch have no anomalous caller; web reaches two anomalous services, batch one.
    assertThat(Symptom.of(group, graph, ranked)).contains(new Symptom("web", "p99"));
  }

  @Test
  void anAlertOnlyEntryPointIsPassedOverForTheNextServiceWithAMeasuredSignal() {
    CallGraph graph = new CallGraph();
    graph.addEdge("web", "db");
    AnomalyGroup group = new AnomalyGroup(List.of(), Set.of("web", "db"), 0, 0, 0);
    RankedCause alertOnly =
        new RankedCause(
            "web", 1, List.of(SignalEvidence.of(new Anomaly("web", "errors", 5, 1))), List.of(), 5);
    Map<String, RankedCause> ranked = Map.of("web", alertOnly, "db", measured("db", "latency", 0));
    assertThat(Symptom.of(group, graph, ranked)).contains(new Symptom("db", "latency"));
  }
}
