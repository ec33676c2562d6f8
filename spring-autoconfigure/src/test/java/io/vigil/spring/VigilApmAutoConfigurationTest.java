package io.vigil.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import io.vigil.micrometer.ApmObservationHandler;
import io.vigil.micrometer.ApmTracker;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class VigilApmAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withPropertyValues("vigil.anomaly.enabled=false")
          .withConfiguration(
              AutoConfigurations.of(
                  MetricsAutoConfiguration.class,
                  CompositeMeterRegistryAutoConfiguration.class,
                  SimpleMetricsExportAutoConfiguration.class,
                  ObservationAutoConfiguration.class,
                  VigilApmAutoConfiguration.class));

  @Test
  void offByDefault() {
    runner.run(context -> assertThat(context).doesNotHaveBean(ApmObservationHandler.class));
  }

  @Test
  void whenEnabledObservationsOfServerRequestsReachTheTracker() {
    runner
        .withPropertyValues("vigil.apm.enabled=true", "vigil.apm.name=apm.requests")
        .run(
            context -> {
              assertThat(context).hasSingleBean(ApmObservationHandler.class);
              ObservationRegistry observations = context.getBean(ObservationRegistry.class);
              RequestReplyReceiverContext<Object, Object> request =
                  new RequestReplyReceiverContext<>((carrier, key) -> null);
              Observation.createNotStarted("http.server.requests", () -> request, observations)
                  .lowCardinalityKeyValue("uri", "/orders")
                  .lowCardinalityKeyValue("status", "200")
                  .observe(() -> {});
              MeterRegistry meters = context.getBean(MeterRegistry.class);
              assertThat(meters.find("apm.requests").tag("uri", "/orders").timer()).isNotNull();
            });
  }

  @Test
  void badValueFailsStartUpNamingTheProperty() {
    runner
        .withPropertyValues("vigil.apm.enabled=true", "vigil.apm.max-active=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("vigil.apm.max-active"));
  }

  @Test
  void backsOffWithoutTheLibrary() {
    runner
        .withPropertyValues("vigil.apm.enabled=true")
        .withClassLoader(new FilteredClassLoader(ApmObservationHandler.class))
        .run(context -> assertThat(context).doesNotHaveBean(ApmTracker.class));
  }

  @Test
  void backsOffWhenTheUserDefinesTheHandler() {
    runner
        .withPropertyValues("vigil.apm.enabled=true")
        .withUserConfiguration(UserHandler.class)
        .run(
            context ->
                assertThat(context.getBean(ApmObservationHandler.class))
                    .isSameAs(context.getBean("userHandler")));
  }

  @Configuration(proxyBeanMethods = false)
  static class UserHandler {
    @Bean
    ApmObservationHandler userHandler(MeterRegistry registry) {
      return new ApmObservationHandler(ApmTracker.builder(registry).name("user.apm").build());
    }
  }
}
