package io.vigil.otel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.vigil.live.IncidentReport;
import io.vigil.live.ReportedCause;
import io.vigil.rca.Anomaly;
import io.vigil.rca.SignalEvidence;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Vigil's events and graph metrics on the wire: exported by the SDK's OTLP/HTTP exporters to a
 * receiver in this test, decoded with opentelemetry-proto.
 */
class OtlpWireTest {

  private final List<byte[]> logBodies = new CopyOnWriteArrayList<>();
  private final List<byte[]> metricBodies = new CopyOnWriteArrayList<>();
  private HttpServer receiver;
  private String endpoint;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
    receiver.createContext(
        "/v1/",
        exchange -> {
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          String path = exchange.getRequestURI().getPath();
          (path.endsWith("/logs") ? logBodies : metricBodies).add(body);
          exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    endpoint = "http://127.0.0.1:" + receiver.getAddress().getPort();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void eventsDecodeWithTheirNamesAndAttributes() throws Exception {
    SdkLoggerProvider logs =
        SdkLoggerProvider.builder()
            .addLogRecordProcessor(
                SimpleLogRecordProcessor.create(
                    OtlpHttpLogRecordExporter.builder().setEndpoint(endpoint + "/v1/logs").build()))
            .build();
    VigilEventEmitter emitter = VigilEventEmitter.create(logs);
    emitter.onAnomaly(new Anomaly("payments", "server.errors", 1_000L, 9.0));
    SignalEvidence errors =
        new SignalEvidence("payments", "server.errors", 0.0, 1.0, 30.0, 30.0, 1_000L);
    emitter.onReport(
        new IncidentReport(
            1,
            1_000L,
            90_000L,
            List.of("checkout", "payments"),
            List.of(
                new ReportedCause(
                    1, "payments", 0.9, List.of(errors), List.of(), List.of("checkout"), 1_000L)),
            List.of(List.of("payments", "checkout")),
            List.of(),
            List.of(),
            List.of(),
            List.of(new Anomaly("payments", "server.errors", 1_000L, 9.0))));
    assertThat(logs.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    logs.close();

    List<LogRecord> records =
        logBodies.stream()
            .map(OtlpWireTest::parseLogs)
            .flatMap(r -> r.getResourceLogsList().stream())
            .flatMap(r -> r.getScopeLogsList().stream())
            .flatMap(s -> s.getLogRecordsList().stream())
            // The two may come in separate requests, which the receiver may take in either order.
            .sorted(java.util.Comparator.comparing(LogRecord::getEventName))
            .toList();
    assertThat(records)
        .extracting(LogRecord::getEventName)
        .containsExactly("vigil.anomaly", "vigil.incident.report");
    Map<String, KeyValue> anomaly = byKey(records.get(0).getAttributesList());
    assertThat(anomaly.get("vigil.anomaly.service").getValue().getStringValue())
        .isEqualTo("payments");
    Map<String, KeyValue> report = byKey(records.get(1).getAttributesList());
    assertThat(report.get("vigil.incident.culprit").getValue().getStringValue())
        .isEqualTo("payments");
    assertThat(report.get("vigil.incident.score").getValue().getDoubleValue()).isEqualTo(0.9);
    assertThat(report.get("vigil.incident.services").getValue().getArrayValue().getValuesCount())
        .isEqualTo(2);
    assertThat(records.get(1).getBody().getStringValue()).contains("likely cause payments");
    assertThat(records.get(1).getSeverityText()).isEqualTo("ERROR");
  }

  @Test
  void graphMetricsDecodeUnderTheCollectorsNamesWithTheirLabels() throws Exception {
    SdkMeterProvider meters =
        SdkMeterProvider.builder()
            .registerMetricReader(
                PeriodicMetricReader.builder(
                        OtlpHttpMetricExporter.builder()
                            .setEndpoint(endpoint + "/v1/metrics")
                            .build())
                    .setInterval(Duration.ofHours(1))
                    .build())
            .build();
    VigilSpanExporter vigil =
        VigilSpanExporter.builder()
            .meterProvider(meters)
            .learningQueueSize(0)
            .idleCheckInterval(Duration.ZERO)
            .build();
    vigil.export(Spans.call("checkout", "payments", 0, 20, true));
    assertThat(meters.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    meters.close();

    List<Metric> metrics =
        metricBodies.stream()
            .map(OtlpWireTest::parseMetrics)
            .flatMap(r -> r.getResourceMetricsList().stream())
            .flatMap(r -> r.getScopeMetricsList().stream())
            .flatMap(s -> s.getMetricsList().stream())
            .toList();
    assertThat(metrics)
        .extracting(Metric::getName)
        .contains(
            "traces_service_graph_request_total",
            "traces_service_graph_request_failed_total",
            "traces_service_graph_request_server_seconds",
            "traces_service_graph_request_client_seconds");
    Metric total =
        metrics.stream()
            .filter(m -> m.getName().equals("traces_service_graph_request_total"))
            .findFirst()
            .orElseThrow();
    Map<String, KeyValue> labels = byKey(total.getSum().getDataPoints(0).getAttributesList());
    assertThat(labels.get("client").getValue().getStringValue()).isEqualTo("checkout");
    assertThat(labels.get("server").getValue().getStringValue()).isEqualTo("payments");
    assertThat(labels).containsKey("connection_type");
    assertThat(total.getSum().getDataPoints(0).getAsInt()).isEqualTo(1);
  }

  private static Map<String, KeyValue> byKey(List<KeyValue> attributes) {
    return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, kv -> kv));
  }

  private static ExportLogsServiceRequest parseLogs(byte[] body) {
    try {
      return ExportLogsServiceRequest.parseFrom(body);
    } catch (Exception e) {
      throw new AssertionError("not an OTLP logs request", e);
    }
  }

  private static ExportMetricsServiceRequest parseMetrics(byte[] body) {
    try {
      return ExportMetricsServiceRequest.parseFrom(body);
    } catch (Exception e) {
      throw new AssertionError("not an OTLP metrics request", e);
    }
  }
}
