package io.vigil.spring;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.config.validate.ValidationException;
import io.vigil.live.SignalListener;
import io.vigil.micrometer.AnomalyListener;
import io.vigil.micrometer.VigilAnomalyConfig;
import io.vigil.micrometer.VigilAnomalyMeterRegistry;
import io.vigil.micrometer.VigilMeterFilters;
import io.vigil.spring.internal.AnomalyLogger;
import io.vigil.spring.internal.AnomalyPropertiesConfigAdapter;
import io.vigil.spring.internal.InvalidVigilProperty;
import io.vigil.spring.internal.SignalFanOut;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Adds {@link VigilAnomalyMeterRegistry} to the application's meter registries, as Spring Boot adds
 * an export registry: Boot's composite then feeds it every meter its watch filter lets through, and
 * applies the user's filters and binders to it too.
 */
@AutoConfiguration(
    before = {
      CompositeMeterRegistryAutoConfiguration.class,
      SimpleMetricsExportAutoConfiguration.class
    },
    after = MetricsAutoConfiguration.class)
@ConditionalOnBean(Clock.class)
@ConditionalOnClass({VigilAnomalyMeterRegistry.class, MetricsAutoConfiguration.class})
@ConditionalOnBooleanProperty(name = "vigil.anomaly.enabled", matchIfMissing = true)
@EnableConfigurationProperties(VigilAnomalyProperties.class)
public final class VigilAnomalyMetricsAutoConfiguration {

  /** How many anomalies the endpoint shows at most. */
  static final int RECENT_ANOMALIES = 200;

  VigilAnomalyMetricsAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  VigilAnomalyConfig vigilAnomalyConfig(
      VigilAnomalyProperties properties, Environment environment) {
    return new AnomalyPropertiesConfigAdapter(
        properties, environment.getProperty("spring.application.name"));
  }

  @Bean
  @ConditionalOnMissingBean
  RecentAnomalies vigilRecentAnomalies() {
    return new RecentAnomalies(RECENT_ANOMALIES);
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "vigil.logging.enabled", matchIfMissing = true)
  AnomalyLogger vigilAnomalyLogger() {
    return new AnomalyLogger();
  }

  @Bean
  @ConditionalOnMissingBean
  VigilAnomalyMeterRegistry vigilAnomalyMeterRegistry(
      VigilAnomalyConfig config,
      Clock clock,
      VigilAnomalyProperties properties,
      ObjectProvider<AnomalyListener> listeners,
      ObjectProvider<SignalListener> signalListeners) {
    try {
      VigilAnomalyMeterRegistry.Builder builder =
          VigilAnomalyMeterRegistry.builder(config)
              .clock(clock)
              .watch(VigilMeterFilters.watchNames(properties.getWatch().toArray(String[]::new)));
      listeners.orderedStream().forEach(builder::listener);
      List<SignalListener> live = signalListeners.orderedStream().toList();
      if (!live.isEmpty()) {
        builder.signalListener(SignalFanOut.of(live));
      }
      return builder.build();
    } catch (ValidationException e) {
      throw InvalidVigilProperty.of(e);
    }
  }

  /**
   * The registry's own meters, which Boot binds to its composite (so that they reach Prometheus,
   * OTLP, ... and this registry once each), or to this registry when it is the only one.
   */
  @Bean
  @ConditionalOnMissingBean(name = "vigilAnomalyMetrics")
  MeterBinder vigilAnomalyMetrics(VigilAnomalyMeterRegistry registry) {
    return registry.metrics();
  }
}
