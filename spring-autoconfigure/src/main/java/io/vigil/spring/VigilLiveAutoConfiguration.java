package io.vigil.spring;

import io.vigil.live.IncidentReportListener;
import io.vigil.live.LiveIncidentAnalyzer;
import io.vigil.rca.CallGraph;
import io.vigil.spring.internal.AnalyzerTicker;
import io.vigil.spring.internal.LiveAnalyzerFactory;
import io.vigil.spring.internal.ReportLogger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Live root-cause analysis: one {@link CallGraph} (learned from spans when the span exporter is
 * configured) and one {@link LiveIncidentAnalyzer} fed by the anomaly registry's signals and the
 * spans' signals, reporting settled incidents to every {@link IncidentReportListener} bean.
 *
 * <p>A graph or analyzer bean already defined, in this context or a parent one, is used instead:
 * several contexts of one JVM can share one analyzer that way.
 */
@AutoConfiguration
@ConditionalOnClass(LiveIncidentAnalyzer.class)
@ConditionalOnBooleanProperty(name = "vigil.live.enabled", matchIfMissing = true)
@EnableConfigurationProperties({VigilLiveProperties.class, VigilLoggingProperties.class})
public final class VigilLiveAutoConfiguration {

  VigilLiveAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  CallGraph vigilCallGraph(VigilLiveProperties properties) {
    return LiveAnalyzerFactory.graph(properties);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  LiveIncidentAnalyzer vigilLiveIncidentAnalyzer(
      VigilLiveProperties properties,
      Environment environment,
      CallGraph graph,
      ObjectProvider<IncidentReportListener> listeners) {
    return LiveAnalyzerFactory.analyzer(
        properties,
        LiveAnalyzerFactory.step(properties, environment),
        graph,
        listeners.orderedStream().toList());
  }

  @Bean
  @ConditionalOnMissingBean
  AnalyzerTicker vigilAnalyzerTicker(
      LiveIncidentAnalyzer analyzer, VigilLiveProperties properties, Environment environment) {
    return new AnalyzerTicker(analyzer, LiveAnalyzerFactory.step(properties, environment));
  }

  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "vigil.logging.enabled", matchIfMissing = true)
  ReportLogger vigilReportLogger() {
    return new ReportLogger();
  }
}
