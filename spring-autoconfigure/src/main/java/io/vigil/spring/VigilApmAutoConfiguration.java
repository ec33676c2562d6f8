package io.vigil.spring;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.vigil.micrometer.ApmObservationHandler;
import io.vigil.micrometer.ApmTracker;
import io.vigil.spring.internal.InvalidVigilProperty;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Tracks server requests with Vigil's {@link ApmTracker}, fed by an {@link ApmObservationHandler}
 * that Spring Boot adds to its {@link ObservationRegistry}; off unless {@code vigil.apm.enabled} is
 * true.
 *
 * <p>Ordered after the meter registries only, as its condition needs. Not before Boot's {@code
 * ObservationAutoConfiguration}: Boot collects {@code ObservationHandler} beans when it builds the
 * observation registry, whatever their configuration's order, and that order would close a cycle
 * through Boot's tracing and a metrics export (observation, then tracing, Prometheus exemplars,
 * Prometheus export, the composite, then this).
 */
@AutoConfiguration(
    after = {MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class})
@ConditionalOnClass({ApmObservationHandler.class, ObservationRegistry.class})
@ConditionalOnBooleanProperty("vigil.apm.enabled")
@ConditionalOnBean(MeterRegistry.class)
@EnableConfigurationProperties(VigilApmProperties.class)
public final class VigilApmAutoConfiguration {

  VigilApmAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  ApmTracker vigilApmTracker(MeterRegistry registry, VigilApmProperties properties) {
    ApmTracker.Builder builder = ApmTracker.builder(registry);
    InvalidVigilProperty.apply("vigil.apm.name", properties.getName(), builder::name);
    InvalidVigilProperty.apply(
        "vigil.apm.max-active", properties.getMaxActive(), builder::maxActive);
    InvalidVigilProperty.apply("vigil.apm.timeout", properties.getTimeout(), builder::timeout);
    return builder.build();
  }

  @Bean
  @ConditionalOnMissingBean
  ApmObservationHandler vigilApmObservationHandler(ApmTracker tracker) {
    return new ApmObservationHandler(tracker);
  }
}
