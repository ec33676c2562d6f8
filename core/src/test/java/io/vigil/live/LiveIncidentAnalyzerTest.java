package io.vigil.live;

import static io.vigil.live.Cascade.STEP;
import static io.vigil.live.Cascade.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.rca.Anomaly;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LiveIncidentAnalyzerTest {

  private final Cascade cascade = new Cascade();
  private final List<IncidentReport> received = new CopyOnWriteArrayList<>();

  private LiveIncidentAnalyzer analyzer() {
    return LiveIncidentAnalyzer.builder()
        .graph(cascade.graph)
        .step(Duration.ofMillis(STEP))
        .settle(Duration.ofMinutes(5))
        .listener(received::add)
        .build();
  }

  @Test
  void aCascadeFromTheDatabaseIsReportedOnceWithTheDatabaseFirst() {
    try (LiveIncidentAnalyzer analyzer = analyzer()) {
      cascade.feed(analyzer, 0, 67, 60, 8);
      // The last anomaly (web-frontend's) started at step 62: settled once step 67 is 5 min past.
      assertThat(received).isEmpty();
      cascade.feed(analyzer, 67, 100, 60, 8);

      assertThat(received).hasSize(1);
      IncidentReport report = received.get(0);
      assertThat(report.sequence()).isEqualTo(1);
      assertThat(report.topCause()).get().extracting(ReportedCause::service).isEqualTo("database");
      assertThat(report.causes().get(0).rank()).isEqualTo(1);
      assertThat(report.causes().get(0).explainedCallers())
          .containsExactlyInAnyOrder("user-service", "web-frontend");
      assertThat(report.services()).containsExactly("database", "user-service", "web-frontend");
      assertThat(report.startMillis()).isEqualTo(at(60));
      assertThat(report.settledMillis())
          .isGreaterThan(
              report.anomalies().stream().mapToLong(Anomaly::onsetMillis).max().orElseThrow()
                  + Duration.ofMinutes(5).toMillis());
      assertThat(report.propagation())
          .contains(List.of("database", "user-service", "web-frontend"));
      assertThat(report.subgraph())
          .containsExactlyInAnyOrder(
              new ReportedEdge("web-frontend", "user-service", 1, 0),
              new ReportedEdge("user-service", "database", 2, 1));
      assertThat(report.summary()).contains("likely cause database").contains("3 services");
      assertThat(analyzer.reports()).containsExactly(report);
      assertThat(analyzer.counts().reports()).isEqualTo(1);
      assertThat(analyzer.counts().openIncidents()).isZero();
    }
  }

  @Test
  void theCulpritsSignalComesWithItsBandAndCorrelatesWithTheSymptom() {
    try (LiveIncidentAnalyzer analyzer = analyzer()) {
      cascade.feed(analyzer, 0, 100, 60, 8);
    }
    IncidentReport report = received.get(0);
    SignalBand db =
        report.signals().stream()
            .filter(b -> b.service().equals("database"))
            .findFirst()
            .orElseThrow();
    assertThat(db.signal()).isEqualTo("latency");
    assertThat(db.lower()).isBetween(0.0, 5.0);
    assertThat(db.upper()).isBetween(5.0, 10.0);
    assertThat(db.values()).hasSize(db.timestamps().length).hasSizeGreaterThan(60);
    assertThat(java.util.Arrays.stream(db.values()).max().orElseThrow())
        .isGreaterThan(db.upper() + 300);

    ReportedCause top = report.causes().get(0);
    assertThat(top.correlations())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.symptomService()).isEqualTo("web-frontend");
              assertThat(c.symptomSignal()).isEqualTo("latency");
              assertThat(c.signal()).isEqualTo("latency");
              assertThat(c.pearson()).isGreaterThan(0.5);
            });
  }

  @Test
  void steadyNoiseRaisesNoReport() {
    try (LiveIncidentAnalyzer analyzer = analyzer()) {
      cascade.feed(analyzer, 0, 2_000, -1, 0);
      analyzer.advance(at(3_000));
      assertThat(received).isEmpty();
      assertThat(analyzer.reports()).isEmpty();
      assertThat(analyzer.counts().points()).isEqualTo(8_000);
    }
  }

  @Test
  void advanceSettlesAnIncidentWhenSignalsStop() {
    try (LiveIncidentAnalyzer analyzer = analyzer()) {
      cascade.feed(analyzer, 0, 66, 60, 8);
      assertThat(analyzer.counts().openIncidents()).isEqualTo(1);
      // The last anomaly started at step 62; settled strictly after 5 minutes of quiet.
      analyzer.advance(at(67));
      assertThat(received).isEmpty();
      analyzer.advance(at(67) + 1);
      assertThat(received)
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r.topCause())
                      .get()
                      .extracting(ReportedCause::service)
                      .isEqualTo("database"));
    }
  }

  @Test
  void aDeployJustBeforeTheIncidentAppearsWithItsImpact() {
    try (LiveIncidentAnalyzer analyzer = analyzer()) {
      cascade.feed(analyzer, 0, 60, -1, 0);
      analyzer.markEvent(new MarkedEvent("database", MarkedEvent.DEPLOY, "v2.4.1", at(60) - 1));
      analyzer.markEvent(new MarkedEvent("database", MarkedEvent.CONFIG, "long ago", at(10)));
      cascade.feed(analyzer, 60, 100, 60, 8);
    }
    List<EventEvidence> events = received.get(0).events();
    assertThat(events)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.event().description()).isEqualTo("v2.4.1");
              assertThat(e.signal()).isEqualTo("latency");
              assertThat(e.impact().beforeMean()).isBetween(3.0, 7.0);
              assertThat(e.impact().afterMean()).isGreaterThan(200.0);
              assertThat(e.impact().significant(0.01)).isTrue();
            });
    assertThat(received.get(0).summary()).contains("after deploy of database");
  }

  @Test
  void anomaliesFromTheSourceJoinTheIncident() {
    Anomaly external = new Anomaly("user-service", "errors", at(61), 2.0);
    try (LiveIncidentAnalyzer analyzer = analyzer()) {
      cascade.feed(analyzer, 0, 62, 60, 8);
      analyzer.onAnomaly(external);
      cascade.feed(analyzer, 62, 100, 60, 8);
      assertThat(analyzer.counts().receivedAnomalies()).isEqualTo(1);
      assertThat(analyzer.recentAnomalies()).contains(external);
    }
    assertThat(received)
        .singleElement()
        .satisfies(r -> assertThat(r.anomalies()).contains(external));
  }

  @Test
  void aSignalWhoseSourceDetectsIsNotJudgedTwice() {
    Anomaly fromSource = new Anomaly("database", "latency", at(60), 3.0);
    try (LiveIncidentAnalyzer analyzer = analyzer()) {
      cascade.feed(analyzer, 0, 60, -1, 0);
      analyzer.onAnomaly(fromSource);
      cascade.feed(analyzer, 60, 100, 60, 8);
      assertThat(analyzer.recentAnomalies())
          .filteredOn(a -> a.service().equals("database"))
          .containsExactly(fromSource);
      assertThat(analyzer.counts().detectedAnomalies()).isEqualTo(2);
    }
    assertThat(received)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.topCause())
                  .get()
                  .extracting(ReportedCause::service)
                  .isEqualTo("database");
              assertThat(r.anomalies()).hasSize(3).contains(fromSource);
            });
  }

  @Test
  void newSignalsPastTheCapAreCountedAndDropped() {
    try (LiveIncidentAnalyzer analyzer = LiveIncidentAnalyzer.builder().maxSignals(3).build()) {
      for (int i = 0; i < 10; i++) {
        analyzer.onSignal("svc-" + i, "latency", at(0), 1.0);
        analyzer.onSignal("svc-" + i, "latency", at(1), 1.0);
      }
      AnalyzerCounts counts = analyzer.counts();
      assertThat(counts.signals()).isEqualTo(3);
      assertThat(counts.points()).isEqualTo(6);
      assertThat(counts.droppedSignals()).isEqualTo(14);
    }
  }

  @Test
  void badPointsAreCountedNotThrown() {
    try (LiveIncidentAnalyzer analyzer = analyzer()) {
      analyzer.onSignal("database", "latency", at(1), 1.0);
      analyzer.onSignal("database", "latency", at(1), 2.0);
      analyzer.onSignal("database", "latency", at(0), 2.0);
      analyzer.onSignal("database", "latency", at(2), Double.NaN);
      analyzer.onSignal("database", "latency", at(3), Double.POSITIVE_INFINITY);
      AnalyzerCounts counts = analyzer.counts();
      assertThat(counts.points()).isEqualTo(3);
      assertThat(counts.outOfOrderPoints()).isEqualTo(2);
      assertThat(counts.emptyPoints()).isEqualTo(2);
    }
  }

  @Test
  void aFailingListenerIsCountedAndTheOthersStillHearTheReport() {
    try (LiveIncidentAnalyzer analyzer =
        LiveIncidentAnalyzer.builder()
            .graph(cascade.graph)
            .listener(
                r -> {
                  throw new IllegalStateException("listener bug");
                })
            .listener(received::add)
            .build()) {
      cascade.feed(analyzer, 0, 100, 60, 8);
      assertThat(received).hasSize(1);
      assertThat(analyzer.counts().listenerFailures()).isEqualTo(1);
      assertThat(analyzer.reports()).hasSize(1);
    }
  }

  @Test
  void afterCloseNothingIsTakenIn() {
    LiveIncidentAnalyzer analyzer = analyzer();
    analyzer.close();
    analyzer.close();
    cascade.feed(analyzer, 0, 100, 60, 8);
    assertThat(received).isEmpty();
    assertThat(analyzer.counts().points()).isZero();
    assertThat(analyzer.counts().afterClose()).isEqualTo(400);
  }

  @Test
  void onlyTheLatestReportsAreKept() {
    try (LiveIncidentAnalyzer analyzer =
        LiveIncidentAnalyzer.builder().graph(cascade.graph).maxReports(2).build()) {
      for (int i = 0; i < 3; i++) {
        cascade.feed(analyzer, i * 100, (i + 1) * 100, i * 100 + 60, 8);
      }
      assertThat(analyzer.counts().reports()).isEqualTo(3);
      assertThat(analyzer.reports()).extracting(IncidentReport::sequence).containsExactly(2L, 3L);
    }
  }

  @Test
  void anomaliesAreBoundedAndTheRestCounted() {
    try (LiveIncidentAnalyzer analyzer =
        LiveIncidentAnalyzer.builder().graph(cascade.graph).maxAnomalies(5).build()) {
      for (int i = 0; i < 20; i++) {
        analyzer.onAnomaly(new Anomaly("database", "latency", at(i), 1.0));
      }
      assertThat(analyzer.recentAnomalies()).hasSize(5);
      assertThat(analyzer.recentAnomalies().get(4).onsetMillis()).isEqualTo(at(19));
      assertThat(analyzer.counts().droppedAnomalies()).isEqualTo(15);
      analyzer.advance(at(40));
      assertThat(analyzer.reports())
          .singleElement()
          .satisfies(r -> assertThat(r.anomalies()).hasSize(5));
      assertThat(analyzer.counts().droppedAnomalies()).isEqualTo(15);
    }
  }

  @Test
  void reportsCannotBeChangedByTheirReaders() {
    try (LiveIncidentAnalyzer analyzer = analyzer()) {
      cascade.feed(analyzer, 0, 100, 60, 8);
    }
    IncidentReport report = received.get(0);
    assertThatThrownBy(() -> report.causes().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> report.propagation().get(0).clear())
        .isInstanceOf(UnsupportedOperationException.class);
    SignalBand band = report.signals().get(0);
    double first = band.values()[0];
    band.values()[0] = -1;
    assertThat(band.values()[0]).isEqualTo(first);
  }

  @Test
  void builderErrorsNameTheSettingTheValueAndTheRange() {
    assertThatThrownBy(() -> LiveIncidentAnalyzer.builder().history(3).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("history must be in [16, 100000] but was 3");
    assertThatThrownBy(() -> LiveIncidentAnalyzer.builder().maxSignals(0).build())
        .hasMessage("maxSignals must be in [1, 10000000] but was 0");
    assertThatThrownBy(() -> LiveIncidentAnalyzer.builder().maxReports(-1).build())
        .hasMessage("maxReports must be in [1, 100000] but was -1");
    assertThatThrownBy(() -> LiveIncidentAnalyzer.builder().persistence(0).build())
        .hasMessage("persistence must be in [1, 100] but was 0");
    assertThatThrownBy(() -> LiveIncidentAnalyzer.builder().settle(Duration.ZERO))
        .hasMessage("settle must be in [1ms, 365d] but was PT0S");
    assertThatThrownBy(() -> LiveIncidentAnalyzer.builder().step(Duration.ofSeconds(-5)))
        .hasMessage("step must be in [1ms, 365d] but was PT-5S");
    assertThatThrownBy(
            () -> LiveIncidentAnalyzer.builder().settle(Duration.ofHours(2)).history(50).build())
        .hasMessageStartingWith("history must be >= 132 points (settle PT2H / step PT1M")
        .hasMessageEndingWith("but was 50");
  }
}
