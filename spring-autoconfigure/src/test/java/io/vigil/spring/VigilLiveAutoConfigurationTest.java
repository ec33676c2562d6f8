package io.vigil.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.live.IncidentReportListener;
import io.vigil.live.LiveIncidentAnalyzer;
import io.vigil.live.LiveIncidentAnalyzerBuilder;
import io.vigil.rca.CallGraph;
import io.vigil.spring.internal.AnalyzerTicker;
import io.vigil.spring.internal.ReportLogger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;

class VigilLiveAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(VigilLiveAutoConfiguration.class));

  @Test
  void addsOneGraphAndOneAnalyzerThatReportsToListenerBeans() {
    runner
        .withUserConfiguration(Listener.class)
        .withPropertyValues(
            "vigil.live.step=1s", "vigil.live.settle=2s", "vigil.live.persistence=1")
        .run(
            context -> {
              assertThat(context).hasSingleBean(CallGraph.class);
              assertThat(context).hasSingleBean(AnalyzerTicker.class);
              assertThat(context).hasSingleBean(ReportLogger.class);
              LiveIncidentAnalyzer analyzer = context.getBean(LiveIncidentAnalyzer.class);
              List<Object> reports = context.getBean("reports", List.class);
              LiveFixtures.spike(analyzer, "latency", "db");
              assertThat(analyzer.reports()).isNotEmpty();
              assertThat(reports).isNotEmpty();
            });
  }

  @Test
  void badValueFailsStartUpNamingTheProperty() {
    runner
        .withPropertyValues("vigil.live.history=3")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("vigil.live.history")
                    .hasMessageContaining("3"));
    runner
        .withPropertyValues("vigil.live.graph.max-edges=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("vigil.live.graph.max-services"));
    runner
        .withPropertyValues("vigil.live.detector=nope")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("vigil.live.detector")
                    .hasMessageContaining("nope"));
  }

  @Test
  void propertyDefaultsAreTheLibrarysDefaults() {
    VigilLiveProperties properties = new VigilLiveProperties();
    assertThat(properties.getHistory()).isEqualTo(LiveIncidentAnalyzerBuilder.DEFAULT_HISTORY);
    assertThat(properties.getSettle()).isEqualTo(LiveIncidentAnalyzerBuilder.DEFAULT_SETTLE);
    assertThat(properties.getMaxSignals())
        .isEqualTo(LiveIncidentAnalyzerBuilder.DEFAULT_MAX_SIGNALS);
    assertThat(properties.getMaxReports())
        .isEqualTo(LiveIncidentAnalyzerBuilder.DEFAULT_MAX_REPORTS);
    assertThat(properties.getMaxAnomalies())
        .isEqualTo(LiveIncidentAnalyzerBuilder.DEFAULT_MAX_ANOMALIES);
    assertThat(properties.getPersistence())
        .isEqualTo(LiveIncidentAnalyzerBuilder.DEFAULT_PERSISTENCE);
    assertThat(properties.getStep()).as("unset: the registry's step").isNull();
  }

  @Test
  void stepFollowsTheRegistrysUnlessSet() {
    runner
        .withPropertyValues("vigil.anomaly.step=10s")
        .run(
            context ->
                assertThat(
                        io.vigil.spring.internal.LiveAnalyzerFactory.step(
                            context.getBean(VigilLiveProperties.class), context.getEnvironment()))
                    .hasSeconds(10));
  }

  @Test
  void backsOffWhenDisabledOrWithoutCore() {
    runner
        .withPropertyValues("vigil.live.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(LiveIncidentAnalyzer.class));
    runner
        .withClassLoader(new FilteredClassLoader(LiveIncidentAnalyzer.class))
        .run(context -> assertThat(context).doesNotHaveBean(LiveIncidentAnalyzer.class));
  }

  @Test
  void theReportLoggerBacksOffWhenLoggingIsDisabled() {
    runner
        .withPropertyValues("vigil.logging.enabled=false")
        .run(
            context -> {
              assertThat(context).hasSingleBean(LiveIncidentAnalyzer.class);
              assertThat(context).doesNotHaveBean(ReportLogger.class);
            });
  }

  @Test
  void theReportLoggerBacksOffForTheUsersWhichTheAnalyzerReportsTo() {
    runner
        .withUserConfiguration(UserReportLogger.class)
        .withPropertyValues(
            "vigil.live.step=1s", "vigil.live.settle=2s", "vigil.live.persistence=1")
        .run(
            context -> {
              assertThat(context).hasSingleBean(ReportLogger.class);
              assertThat(context.getBean(ReportLogger.class))
                  .isSameAs(context.getBean("userReportLogger"));
              LiveIncidentAnalyzer analyzer = context.getBean(LiveIncidentAnalyzer.class);
              try (LogLines lines = new LogLines("io.vigil.live.report")) {
                LiveFixtures.spike(analyzer, "latency", "db");
                // One line per report: the user's logger is the analyzer's, and the only one.
                assertThat(analyzer.reports()).isNotEmpty();
                assertThat(lines.messages()).hasSameSizeAs(analyzer.reports());
              }
            });
  }

  @Test
  void usesTheUsersOrAParentContextsBeans() {
    runner
        .withUserConfiguration(UserAnalyzer.class)
        .run(
            context -> {
              assertThat(context.getBean(CallGraph.class)).isSameAs(context.getBean("userGraph"));
              assertThat(context.getBean(LiveIncidentAnalyzer.class))
                  .isSameAs(context.getBean("userAnalyzer"));
            });
    GenericApplicationContext parent = new GenericApplicationContext();
    CallGraph shared = new CallGraph();
    LiveIncidentAnalyzer sharedAnalyzer = LiveIncidentAnalyzer.builder().graph(shared).build();
    parent.registerBean("sharedGraph", CallGraph.class, () -> shared);
    parent.registerBean("sharedAnalyzer", LiveIncidentAnalyzer.class, () -> sharedAnalyzer);
    parent.refresh();
    try {
      runner
          .withParent(parent)
          .run(
              context -> {
                assertThat(context.getBeansOfType(LiveIncidentAnalyzer.class)).isEmpty();
                assertThat(context.getBean(LiveIncidentAnalyzer.class)).isSameAs(sharedAnalyzer);
                assertThat(context.getBean(CallGraph.class)).isSameAs(shared);
              });
    } finally {
      parent.close();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class Listener {
    @Bean
    List<Object> reports() {
      return new ArrayList<>();
    }

    @Bean
    IncidentReportListener collect(List<Object> reports) {
      return reports::add;
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserReportLogger {
    @Bean
    ReportLogger userReportLogger() {
      return new ReportLogger();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserAnalyzer {
    @Bean
    CallGraph userGraph() {
      return new CallGraph();
    }

    @Bean
    LiveIncidentAnalyzer userAnalyzer(CallGraph graph) {
      return LiveIncidentAnalyzer.builder().graph(graph).build();
    }
  }
}
