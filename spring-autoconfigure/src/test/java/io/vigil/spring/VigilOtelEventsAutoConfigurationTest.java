package io.vigil.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.vigil.live.LiveIncidentAnalyzer;
import io.vigil.otel.VigilEventEmitter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.Configurations;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class VigilOtelEventsAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  OpenTelemetrySdkAutoConfiguration.class,
                  OpenTelemetryLoggingAutoConfiguration.class,
                  VigilLiveAutoConfiguration.class,
                  VigilOtelEventsAutoConfiguration.class));

  @Test
  void reportsTravelAsEventsThroughBootsLogsPipeline() {
    runner
        .withUserConfiguration(InMemoryLogs.class)
        .withPropertyValues(
            "vigil.live.step=1s", "vigil.live.settle=2s", "vigil.live.persistence=1")
        .run(
            context -> {
              assertThat(context).hasSingleBean(VigilEventEmitter.class);
              LiveIncidentAnalyzer analyzer = context.getBean(LiveIncidentAnalyzer.class);
              LiveFixtures.spike(analyzer, "latency", "db");
              assertThat(analyzer.reports()).isNotEmpty();
              context.getBean(SdkLoggerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
              assertThat(
                      context.getBean(InMemoryLogRecordExporter.class).getFinishedLogRecordItems())
                  .extracting(LogRecordData::getEventName)
                  .contains(VigilEventEmitter.REPORT_EVENT);
            });
  }

  @Test
  void backsOffWithoutBootsOpenTelemetryOrTheLibraryOrWhenDisabled() {
    new ApplicationContextRunner()
        .withConfiguration(
            AutoConfigurations.of(
                VigilLiveAutoConfiguration.class, VigilOtelEventsAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(VigilEventEmitter.class));
    runner
        .withClassLoader(new FilteredClassLoader(VigilEventEmitter.class))
        .run(context -> assertThat(context).doesNotHaveBean(VigilEventEmitter.class));
    runner
        .withPropertyValues("vigil.otel.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(VigilEventEmitter.class));
  }

  @Test
  void backsOffWhenTheUserDefinesTheEmitter() {
    runner
        .withUserConfiguration(UserEmitter.class)
        .run(
            context ->
                assertThat(context.getBean(VigilEventEmitter.class))
                    .isSameAs(context.getBean("userEmitter")));
  }

  @Test
  void orderedAfterBootsOpenTelemetryLogging() {
    List<Class<?>> order =
        List.of(
            Configurations.getClasses(
                AutoConfigurations.of(
                    VigilOtelEventsAutoConfiguration.class,
                    OpenTelemetryLoggingAutoConfiguration.class)));
    assertThat(order.indexOf(VigilOtelEventsAutoConfiguration.class))
        .isGreaterThan(order.indexOf(OpenTelemetryLoggingAutoConfiguration.class));
  }

  @Configuration(proxyBeanMethods = false)
  static class UserEmitter {
    @Bean
    VigilEventEmitter userEmitter(io.opentelemetry.api.logs.LoggerProvider loggerProvider) {
      return VigilEventEmitter.create(loggerProvider);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class InMemoryLogs {
    @Bean
    InMemoryLogRecordExporter inMemoryLogRecordExporter() {
      return InMemoryLogRecordExporter.create();
    }
  }
}
