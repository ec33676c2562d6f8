package io.vigil.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import io.vigil.micrometer.ApmObservationHandler;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.Configurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.prometheus.PrometheusMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.prometheus.PrometheusExemplarsAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The APM handler's auto-configuration among Boot's tracing and a Prometheus export, as the demo's
 * services run: Boot orders observation before tracing, tracing before Prometheus exemplars,
 * exemplars before the Prometheus export and that before the composite registry, so an APM
 * configuration after the composite and before observation would close a cycle and fail start-up
 * ("AutoConfigure cycle detected"), whether or not {@code vigil.apm.enabled} is set.
 */
class VigilApmOrderingTest {

  private static final AutoConfigurations WITH_TRACING_AND_PROMETHEUS =
      AutoConfigurations.of(
          ObservationAutoConfiguration.class,
          MicrometerTracingAutoConfiguration.class,
          OpenTelemetrySdkAutoConfiguration.class,
          OpenTelemetryTracingAutoConfiguration.class,
          PrometheusExemplarsAutoConfiguration.class,
          PrometheusMetricsExportAutoConfiguration.class,
          MetricsAutoConfiguration.class,
          CompositeMeterRegistryAutoConfiguration.class,
          SimpleMetricsExportAutoConfiguration.class,
          VigilAnomalyMetricsAutoConfiguration.class,
          VigilApmAutoConfiguration.class);

  @Test
  void sortsAfterTheRegistriesWithoutACycle() {
    List<Class<?>> order = List.of(Configurations.getClasses(WITH_TRACING_AND_PROMETHEUS));
    int apm = order.indexOf(VigilApmAutoConfiguration.class);
    assertThat(apm).isGreaterThan(order.indexOf(CompositeMeterRegistryAutoConfiguration.class));
    assertThat(apm).isGreaterThan(order.indexOf(PrometheusMetricsExportAutoConfiguration.class));
  }

  @Test
  void startsWithTracingAndHandsServerRequestsToTheTracker() {
    // Prometheus's client is not on this module's test classpath; an application's import filter
    // would drop its auto-configurations, which the runner does not: these are the rest. Boot's
    // simple registry holds the APM meters (Vigil's anomaly registry alone keeps only watched
    // ones).
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                ObservationAutoConfiguration.class,
                MicrometerTracingAutoConfiguration.class,
                OpenTelemetrySdkAutoConfiguration.class,
                OpenTelemetryTracingAutoConfiguration.class,
                MetricsAutoConfiguration.class,
                CompositeMeterRegistryAutoConfiguration.class,
                SimpleMetricsExportAutoConfiguration.class,
                VigilApmAutoConfiguration.class))
        .withPropertyValues(
            "vigil.apm.enabled=true", "management.tracing.export.otlp.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed().hasSingleBean(ApmObservationHandler.class);
              RequestReplyReceiverContext<Object, Object> request =
                  new RequestReplyReceiverContext<>((carrier, key) -> null);
              Observation.createNotStarted(
                      "http.server.requests",
                      () -> request,
                      context.getBean(ObservationRegistry.class))
                  .lowCardinalityKeyValue("uri", "/orders")
                  .observe(() -> {});
              assertThat(
                      context
                          .getBean(MeterRegistry.class)
                          .find("vigil.apm.requests")
                          .tag("uri", "/orders")
                          .timer())
                  .isNotNull();
            });
  }
}
