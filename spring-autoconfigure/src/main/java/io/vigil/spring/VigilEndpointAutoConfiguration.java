package io.vigil.spring;

import io.vigil.micrometer.VigilAnomalyMeterRegistry;
import io.vigil.spring.internal.AnomaliesSection;
import io.vigil.spring.internal.PageViews;
import io.vigil.spring.internal.SeriesSection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The {@code vigil} actuator endpoint with a section for each configured part, and the {@code
 * vigilreport} page; both follow Boot's exposure rules.
 */
@AutoConfiguration(after = VigilAnomalyMetricsAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
public final class VigilEndpointAutoConfiguration {

  VigilEndpointAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint
  VigilEndpoint vigilEndpoint(ObjectProvider<VigilEndpointSection> sections) {
    return new VigilEndpoint(sections.orderedStream().toList());
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint
  VigilReportEndpoint vigilReportEndpoint(
      Environment environment, ObjectProvider<RecentAnomalies> anomalies) {
    String service = environment.getProperty("spring.application.name", "application");
    return new VigilReportEndpoint(() -> PageViews.noReport(service, anomalies.getIfAvailable()));
  }

  /** The sections read from the anomaly registry. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(VigilAnomalyMeterRegistry.class)
  @ConditionalOnBean(VigilAnomalyMeterRegistry.class)
  static class AnomalySections {

    @Bean
    @ConditionalOnMissingBean(name = "vigilAnomaliesSection")
    @ConditionalOnBean(RecentAnomalies.class)
    VigilEndpointSection vigilAnomaliesSection(RecentAnomalies recent) {
      return new AnomaliesSection(recent);
    }

    @Bean
    @ConditionalOnMissingBean(name = "vigilSeriesSection")
    VigilEndpointSection vigilSeriesSection(VigilAnomalyMeterRegistry registry) {
      return new SeriesSection(registry);
    }
  }
}
