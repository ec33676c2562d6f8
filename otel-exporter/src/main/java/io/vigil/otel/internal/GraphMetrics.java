package io.vigil.otel.internal;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import java.util.List;

/**
 * The learned graph as metrics under the names the OpenTelemetry Collector's servicegraph connector
 * (and Tempo's metrics generator) give them, so Grafana's service-graph view reads what Vigil
 * exports: request counts, failures, and server and client latency histograms per edge with {@code
 * client}, {@code server} and {@code connection_type} attributes, plus the unpaired and dropped
 * span counts.
 */
final class GraphMetrics {

  /** The Collector's default latency buckets, in seconds. */
  static final List<Double> BUCKETS =
      List.of(
          0.002, 0.004, 0.006, 0.008, 0.01, 0.05, 0.1, 0.2, 0.4, 0.8, 1.0, 1.4, 2.0, 5.0, 10.0,
          15.0);

  private final LongCounter requests;
  private final LongCounter failed;
  private final DoubleHistogram serverSeconds;
  private final DoubleHistogram clientSeconds;
  private final LongCounter unpaired;
  private final LongCounter dropped;

  GraphMetrics(MeterProvider provider) {
    Meter meter = provider.meterBuilder("io.vigil.otel").build();
    requests =
        meter
            .counterBuilder("traces_service_graph_request_total")
            .setDescription("Requests between two nodes of the service graph")
            .build();
    failed =
        meter
            .counterBuilder("traces_service_graph_request_failed_total")
            .setDescription("Failed requests between two nodes of the service graph")
            .build();
    serverSeconds = histogram(meter, "traces_service_graph_request_server_seconds", "server");
    clientSeconds = histogram(meter, "traces_service_graph_request_client_seconds", "client");
    unpaired =
        meter
            .counterBuilder("traces_service_graph_unpaired_spans_total")
            .setDescription("Spans whose other side never came within the wait")
            .build();
    dropped =
        meter
            .counterBuilder("traces_service_graph_dropped_spans_total")
            .setDescription("Spans not paired because a bound was reached")
            .build();
  }

  private static DoubleHistogram histogram(Meter meter, String name, String side) {
    return meter
        .histogramBuilder(name)
        .setUnit("s")
        .setDescription("Request time as the " + side + " side saw it")
        .setExplicitBucketBoundariesAdvice(BUCKETS)
        .build();
  }

  /** One request on an edge; a negative latency means that side was not seen. */
  void request(EdgeSeries edge, long clientNanos, long serverNanos, boolean error) {
    requests.add(1, edge.attributes);
    if (error) {
      failed.add(1, edge.attributes);
    }
    if (clientNanos >= 0) {
      clientSeconds.record(clientNanos / 1e9, edge.attributes);
    }
    if (serverNanos >= 0) {
      serverSeconds.record(serverNanos / 1e9, edge.attributes);
    }
  }

  /** A span that expired unpaired, with the side it knew. */
  void unpaired(Attributes side) {
    unpaired.add(1, side);
  }

  /** A span dropped at a bound, with the side it knew. */
  void dropped(Attributes side) {
    dropped.add(1, side);
  }
}
