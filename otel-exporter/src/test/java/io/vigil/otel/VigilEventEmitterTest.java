package io.vigil.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.vigil.live.IncidentReport;
import io.vigil.live.ReportedCause;
import io.vigil.live.ReportedEdge;
import io.vigil.rca.Anomaly;
import io.vigil.rca.SignalEvidence;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Anomalies and incident reports as OpenTelemetry events. */
class VigilEventEmitterTest {

  private final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();
  private final SdkLoggerProvider provider =
      SdkLoggerProvider.builder()
          .addLogRecordProcessor(SimpleLogRecordProcessor.create(logs))
          .build();
  private final VigilEventEmitter emitter = VigilEventEmitter.create(provider);

  @AfterEach
  void close() {
    provider.close();
  }

  @Test
  void anAnomalyIsAnEventNamedVigilAnomalyWithItsServiceSignalAndMagnitude() {
    emitter.onAnomaly(new Anomaly("cart", "server.latency.p99", 1_700_000_000_000L, 6.5));

    LogRecordData record = logs.getFinishedLogRecordItems().get(0);
    assertThat(record.getEventName()).isEqualTo("vigil.anomaly");
    assertThat(record.getSeverity()).isEqualTo(Severity.WARN);
    assertThat(record.getTimestampEpochNanos()).isEqualTo(1_700_000_000_000L * 1_000_000);
    assertThat(record.getBodyValue().asString())
        .isEqualTo("anomaly in cart: server.latency.p99 moved 6.5");
    assertThat(record.getAttributes().get(AttributeKey.stringKey("vigil.anomaly.service")))
        .isEqualTo("cart");
    assertThat(record.getAttributes().get(AttributeKey.doubleKey("vigil.anomaly.magnitude")))
        .isEqualTo(6.5);
  }

  @Test
  void aReportIsAnEventNamingTheCulpritItsScoreEvidenceAndTheServicesHit() {
    SignalEvidence latency =
        new SignalEvidence("db", "server.latency.p99", 5.0, 1.0, 80.0, 75.0, 1_000L);
    ReportedCause top =
        new ReportedCause(1, "db", 0.8, List.of(latency), List.of(), List.of("web"), 1_000L);
    ReportedCause second =
        new ReportedCause(2, "web", 0.2, List.of(), List.of(), List.of(), 2_000L);
    IncidentReport report =
        new IncidentReport(
            3,
            1_000L,
            400_000L,
            List.of("db", "web"),
            List.of(top, second),
            List.of(List.of("db", "web")),
            List.of(new ReportedEdge("web", "db", 10, 4)),
            List.of(),
            List.of(),
            List.of(new Anomaly("db", "server.latency.p99", 1_000L, 75.0)));

    emitter.onReport(report);

    LogRecordData record = logs.getFinishedLogRecordItems().get(0);
    assertThat(record.getEventName()).isEqualTo("vigil.incident.report");
    assertThat(record.getSeverity()).isEqualTo(Severity.ERROR);
    assertThat(record.getBodyValue().asString()).isEqualTo(report.summary());
    var attributes = record.getAttributes();
    assertThat(attributes.get(AttributeKey.stringKey("vigil.incident.culprit"))).isEqualTo("db");
    assertThat(attributes.get(AttributeKey.doubleKey("vigil.incident.score"))).isEqualTo(0.8);
    assertThat(attributes.get(AttributeKey.stringArrayKey("vigil.incident.causes")))
        .containsExactly("db", "web");
    assertThat(attributes.get(AttributeKey.stringArrayKey("vigil.incident.evidence")))
        .containsExactly("server.latency.p99 +75.0");
    assertThat(attributes.get(AttributeKey.stringArrayKey("vigil.incident.services")))
        .containsExactly("db", "web");
    assertThat(attributes.get(AttributeKey.stringArrayKey("vigil.incident.propagation")))
        .containsExactly("db -> web");
    assertThat(attributes.get(AttributeKey.longKey("vigil.incident.sequence"))).isEqualTo(3);
  }

  @Test
  void aReportWithNoCauseStillEmitsAndAFailingPipelineNeverThrows() {
    emitter.onReport(
        new IncidentReport(
            1,
            0,
            1,
            List.of("x"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of()));
    assertThat(logs.getFinishedLogRecordItems()).hasSize(1);
    assertThat(
            logs.getFinishedLogRecordItems()
                .get(0)
                .getAttributes()
                .get(AttributeKey.stringKey("vigil.incident.culprit")))
        .isNull();

    io.opentelemetry.api.logs.Logger failing =
        () -> {
          throw new IllegalStateException("no logs pipeline");
        };
    VigilEventEmitter broken =
        VigilEventEmitter.create(
            name ->
                new io.opentelemetry.api.logs.LoggerBuilder() {
                  @Override
                  public io.opentelemetry.api.logs.LoggerBuilder setSchemaUrl(String url) {
                    return this;
                  }

                  @Override
                  public io.opentelemetry.api.logs.LoggerBuilder setInstrumentationVersion(
                      String version) {
                    return this;
                  }

                  @Override
                  public io.opentelemetry.api.logs.Logger build() {
                    return failing;
                  }
                });
    broken.onAnomaly(new Anomaly("x", "cpu", 0, 1));
    broken.onReport(
        new IncidentReport(
            1,
            0,
            1,
            List.of("x"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of()));
    assertThat(broken.failures()).isEqualTo(2);
  }
}
