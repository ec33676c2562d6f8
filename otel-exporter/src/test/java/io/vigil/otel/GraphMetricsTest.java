package io.vigil.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The graph as metrics, under the OpenTelemetry Collector servicegraph connector's names. */
class GraphMetricsTest {

  private final InMemoryMetricReader reader = InMemoryMetricReader.create();
  private final SdkMeterProvider meters =
      SdkMeterProvider.builder().registerMetricReader(reader).build();

  @Test
  void edgesBecomeServiceGraphMetricsWithClientServerAndConnectionType() {
    VigilSpanExporter exporter =
        VigilSpanExporter.builder()
            .meterProvider(meters)
            .eventTime(true)
            .learningQueueSize(0)
            .idleCheckInterval(Duration.ZERO)
            .pendingTtl(Duration.ofSeconds(1))
            .build();
    List<io.opentelemetry.sdk.trace.data.SpanData> spans = new ArrayList<>();
    spans.addAll(Spans.call("web", "cart", 0, 20, false));
    spans.addAll(Spans.call("web", "cart", 0, 20, true));
    spans.add(
        Spans.span("cart", SpanKind.CLIENT, Spans.context(Spans.traceId()), 0, 3)
            .setAttributes(Attributes.of(AttributeKey.stringKey("peer.service"), "redis"))
            .build());
    exporter.export(spans);
    exporter.advance(5_000);

    Map<String, MetricData> byName =
        reader.collectAllMetrics().stream()
            .collect(Collectors.toMap(MetricData::getName, metric -> metric));
    assertThat(byName)
        .containsKeys(
            "traces_service_graph_request_total",
            "traces_service_graph_request_failed_total",
            "traces_service_graph_request_server_seconds",
            "traces_service_graph_request_client_seconds",
            "traces_service_graph_unpaired_spans_total");
    MetricData total = byName.get("traces_service_graph_request_total");
    assertThat(attributes(total.getLongSumData().getPoints()))
        .containsExactlyInAnyOrder(
            Map.of("client", "web", "server", "cart", "connection_type", ""),
            Map.of("client", "cart", "server", "redis", "connection_type", "virtual_node"));
    assertThat(byName.get("traces_service_graph_request_failed_total").getLongSumData().getPoints())
        .singleElement()
        .satisfies(point -> assertThat(point.getValue()).isEqualTo(1));
    assertThat(byName.get("traces_service_graph_request_server_seconds").getUnit()).isEqualTo("s");
    assertThat(
            attributes(
                byName
                    .get("traces_service_graph_unpaired_spans_total")
                    .getLongSumData()
                    .getPoints()))
        .containsExactly(Map.of("client", "cart"));
    meters.close();
  }

  private static List<Map<String, String>> attributes(Collection<? extends PointData> points) {
    return points.stream()
        .map(
            point ->
                point.getAttributes().asMap().entrySet().stream()
                    .collect(
                        Collectors.toMap(
                            e -> e.getKey().getKey(), e -> String.valueOf(e.getValue()))))
        .toList();
  }
}
