package io.vigil.spring;

import io.vigil.live.IncidentReport;
import io.vigil.live.LiveIncidentAnalyzer;
import io.vigil.micrometer.VigilAnomalyMeterRegistry;
import io.vigil.rca.CallGraph;
import io.vigil.spring.internal.AnomaliesSection;
import io.vigil.spring.internal.GraphSection;
import io.vigil.spring.internal.PageView;
import io.vigil.spring.internal.PageViews;
import io.vigil.spring.internal.ReportsSection;
import io.vigil.spring.internal.SeriesSection;
import java.util.List;
import org.jspecify.annotations.Nullable;
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
@AutoConfiguration(
    after = {VigilAnomalyMetricsAutoConfiguration.class, VigilLiveAutoConfiguration.class})
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
      Environment environment, ObjectProvider<LiveIncidentAnalyzer> analyzer) {
    String service = environment.getProperty("spring.application.name", "application");
    return new VigilReportEndpoint(
        () -> view(service, analyzer.getIfAvailable()),
        sequence -> report(service, analyzer.getIfAvailable(), sequence));
  }

  private static @Nullable PageView report(
      String service, @Nullable LiveIncidentAnalyzer analyzer, long sequence) {
    if (analyzer == null) {
      return null;
    }
    for (IncidentReport report : analyzer.reports()) {
      if (report.sequence() == sequence) {
        return PageViews.of(service, report);
      }
    }
    return null;
  }

  private static PageView view(String service, @Nullable LiveIncidentAnalyzer analyzer) {
    if (analyzer == null) {
      return PageViews.noReport(service, "Live analysis is off (vigil.live.enabled).");
    }
    List<IncidentReport> reports = analyzer.reports();
    if (reports.isEmpty()) {
      return PageViews.noReport(
          service,
          "No incident report yet; "
              + analyzer.recentAnomalies().size()
              + " recent anomalies, "
              + analyzer.counts().openIncidents()
              + " incidents open.");
    }
    return PageViews.of(service, reports.get(reports.size() - 1));
  }

  /** The sections read from live analysis. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBean(LiveIncidentAnalyzer.class)
  static class LiveSections {

    @Bean
    @ConditionalOnMissingBean(name = "vigilGraphSection")
    VigilEndpointSection vigilGraphSection(CallGraph graph) {
      return new GraphSection(graph);
    }

    @Bean
    @ConditionalOnMissingBean(name = "vigilReportsSection")
    VigilEndpointSection vigilReportsSection(LiveIncidentAnalyzer analyzer) {
      return new ReportsSection(analyzer);
    }
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
