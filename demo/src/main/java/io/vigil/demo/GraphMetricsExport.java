package io.vigil.demo;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.prometheus.PrometheusMetricReader;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.SdkMeterProviderBuilder;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Where the metrics written through the OpenTelemetry Metrics API (Vigil's {@code
 * traces_service_graph_*}) go: an OpenTelemetry {@link PrometheusMetricReader}, which the console's
 * Micrometer {@code PrometheusMeterRegistry} serves on {@code /actuator/prometheus} beside
 * Micrometer's own meters, and, when an OTLP URL is given, an OTLP/HTTP exporter every step.
 * Deliberately not an {@code SdkMeterProvider} bean, so that no service context's OpenTelemetry SDK
 * takes it (and closes it) as its own.
 */
final class GraphMetricsExport implements AutoCloseable {

  private final PrometheusMetricReader prometheus =
      new PrometheusMetricReader(false, name -> false);
  private final SdkMeterProvider provider;

  GraphMetricsExport(@Nullable String otlpUrl, Duration interval) {
    SdkMeterProviderBuilder builder =
        SdkMeterProvider.builder()
            .setResource(
                Resource.create(
                    Attributes.of(AttributeKey.stringKey("service.name"), ConsoleApplication.NAME)))
            .registerMetricReader(prometheus);
    if (otlpUrl != null && !otlpUrl.isBlank()) {
      builder.registerMetricReader(
          PeriodicMetricReader.builder(
                  OtlpHttpMetricExporter.builder().setEndpoint(otlpUrl).build())
              .setInterval(interval)
              .build());
    }
    provider = builder.build();
  }

  /** The provider Vigil's span exporter writes the graph metrics through. */
  MeterProvider meterProvider() {
    return provider;
  }

  /** The reader to register with a Prometheus registry. */
  PrometheusMetricReader prometheusReader() {
    return prometheus;
  }

  @Override
  public void close() {
    provider.shutdown().join(10, TimeUnit.SECONDS);
  }
}
