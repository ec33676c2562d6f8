package io.vigil.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MockClock;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.vigil.live.LiveIncidentAnalyzer;
import io.vigil.micrometer.VigilAnomalyMeterRegistry;
import io.vigil.otel.VigilSpanExporter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.Configurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Live analysis among every other part and Boot's metrics, OpenTelemetry and actuator, as an
 * application with the starter runs: the span exporter and the endpoint, which read live analysis's
 * beans, sort after it, and the one analyzer hears both the registry and the spans.
 */
class VigilLiveOrderingTest {

  private static final AutoConfigurations EVERY_PART =
      AutoConfigurations.of(
          EndpointAutoConfiguration.class,
          MetricsAutoConfiguration.class,
          CompositeMeterRegistryAutoConfiguration.class,
          SimpleMetricsExportAutoConfiguration.class,
          OpenTelemetrySdkAutoConfiguration.class,
          OpenTelemetryTracingAutoConfiguration.class,
          OpenTelemetryLoggingAutoConfiguration.class,
          VigilAnomalyMetricsAutoConfiguration.class,
          VigilApmAutoConfiguration.class,
          VigilEndpointAutoConfiguration.class,
          VigilLiveAutoConfiguration.class,
          VigilOtelEventsAutoConfiguration.class,
          VigilSpanExporterAutoConfiguration.class);

  @Test
  void itsConsumersSortAfterIt() {
    List<Class<?>> order = List.of(Configurations.getClasses(EVERY_PART));
    int live = order.indexOf(VigilLiveAutoConfiguration.class);
    assertThat(order.indexOf(VigilSpanExporterAutoConfiguration.class)).isGreaterThan(live);
    assertThat(order.indexOf(VigilEndpointAutoConfiguration.class)).isGreaterThan(live);
  }

  @Test
  void theRegistryAndTheSpansFeedTheOneAnalyzerWhichTheEndpointShows() {
    new ApplicationContextRunner()
        .withConfiguration(EVERY_PART)
        .withUserConfiguration(Clocks.class)
        .withPropertyValues(
            "spring.application.name=orders",
            "management.tracing.sampling.probability=1.0",
            "management.endpoints.web.exposure.include=vigil")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(LiveIncidentAnalyzer.class);
              LiveIncidentAnalyzer analyzer = context.getBean(LiveIncidentAnalyzer.class);
              VigilSpanExporter exporter = context.getBean(VigilSpanExporter.class);
              assertThat(exporter.graph()).isSameAs(context.getBean("vigilCallGraph"));
              assertThat(analyzer.counts().points()).isZero();

              // A server span through Boot's tracer and BatchSpanProcessor to the exporter, whose
              // step then closes: its signals reach the analyzer.
              SdkTracerProvider tracing = context.getBean(SdkTracerProvider.class);
              tracing
                  .get("test")
                  .spanBuilder("GET /orders")
                  .setSpanKind(SpanKind.SERVER)
                  .startSpan()
                  .end();
              assertThat(tracing.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
              assertThat(exporter.flush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
              exporter.advance(System.currentTimeMillis() + Duration.ofMinutes(3).toMillis());
              assertThat(exporter.flush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
              long fromSpans = analyzer.counts().points();
              assertThat(fromSpans).isPositive();

              // A step of the anomaly registry, published on close: its signals reach it too.
              VigilAnomalyMeterRegistry registry = context.getBean(VigilAnomalyMeterRegistry.class);
              registry.timer("http.server.requests", "uri", "/a").record(Duration.ofMillis(20));
              context.getBean(MockClock.class).add(Duration.ofMinutes(1));
              registry.close();
              assertThat(analyzer.counts().points()).isGreaterThan(fromSpans);

              assertThat(context.getBean(VigilEndpoint.class).sections())
                  .containsOnlyKeys("anomalies", "series", "graph", "reports");
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class Clocks {
    @Bean
    MockClock micrometerClock() {
      return new MockClock();
    }
  }
}
