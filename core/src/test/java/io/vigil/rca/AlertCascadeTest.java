package io.vigil.rca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AlertCascadeTest {

  @Test
  void groupsAlertsWithinTheWindowAndKeepsOnlyMultiServiceGroups() {
    List<Anomaly> alerts =
        List.of(
            new Anomaly("web", "errors", 61_000, 1),
            new Anomaly("db", "latency", 0, 1),
            new Anomaly("user", "errors", 30_000, 1),
            new Anomaly("cache", "cpu", 500_000, 1),
            new Anomaly("cache", "mem", 510_000, 1));

    List<List<Anomaly>> cascades = AlertCascade.detect(alerts, 60_000);

    assertThat(cascades).hasSize(1);
    assertThat(cascades.get(0)).extracting(Anomaly::service).containsExactly("db", "user", "web");
  }
}
