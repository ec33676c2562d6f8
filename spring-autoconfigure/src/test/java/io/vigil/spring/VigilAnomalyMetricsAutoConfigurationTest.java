package io.vigil.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.live.LiveIncidentAnalyzer;
import io.vigil.live.SignalListener;
import io.vigil.micrometer.RegistrySteps;
import io.vigil.micrometer.VigilAnomalyConfig;
import io.vigil.micrometer.VigilAnomalyMeterRegistry;
import io.vigil.spring.internal.AnomalyLogger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.Configurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class VigilAnomalyMetricsAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withPropertyValues("vigil.anomaly.step=10m")
          .withConfiguration(
              AutoConfigurations.of(
                  MetricsAutoConfiguration.class,
                  CompositeMeterRegistryAutoConfiguration.class,
                  SimpleMetricsExportAutoConfiguration.class,
                  VigilAnomalyMetricsAutoConfiguration.class));

  @Test
  void addsTheRegistryBeforeBootsFallbackRegistry() {
    runner.run(
        context -> {
          assertThat(context).hasSingleBean(VigilAnomalyMeterRegistry.class);
          // Ordered before SimpleMetricsExportAutoConfiguration: the simple registry, which Boot
          // adds only when no registry exists, backs off as it does for OTLP or Prometheus.
          assertThat(context).doesNotHaveBean(SimpleMeterRegistry.class);
          assertThat(context.getBean(MeterRegistry.class))
              .isSameAs(context.getBean(VigilAnomalyMeterRegistry.class));
        });
  }

  @Test
  void joinsBootsCompositeBesideAnotherRegistryAndWatchesOnlyItsMeters() {
    runner
        .withUserConfiguration(OtherRegistry.class)
        .run(
            context -> {
              MeterRegistry primary = context.getBean(MeterRegistry.class);
              VigilAnomalyMeterRegistry vigil = context.getBean(VigilAnomalyMeterRegistry.class);
              assertThat(primary).isNotSameAs(vigil);
              primary.counter("http.server.requests", "uri", "/a").increment();
              primary.counter("orders.placed").increment();
              assertThat(vigil.find("http.server.requests").counter()).isNotNull();
              assertThat(vigil.find("orders.placed").counter()).isNull();
              assertThat(context.getBean(SimpleMeterRegistry.class).find("orders.placed").counter())
                  .isNotNull();
            });
  }

  @Test
  void ownMetersAreRegisteredOnceInTheRegistryWhenItIsTheOnlyOne() {
    try (MicrometerDoubleRegistrations doubleRegistrations = new MicrometerDoubleRegistrations()) {
      runner
          .withUserConfiguration(Listeners.class)
          .run(
              context -> {
                // Boot bound vigilAnomalyMetrics to the registry itself: there is no composite.
                VigilAnomalyMeterRegistry vigil = context.getBean(VigilAnomalyMeterRegistry.class);
                assertThat(context.getBean(MeterRegistry.class)).isSameAs(vigil);
                context.getBean(MockClock.class).add(Duration.ofMinutes(10));
                vigil.close(); // publishes the step that ended, the registry's first

                assertThat(vigil.find("vigil.anomaly.detected").functionCounters()).hasSize(1);
                assertThat(doubleRegistrations.messages()).isEmpty();
              });
    }
  }

  @Test
  void ownMetersAreRegisteredOnceInTheRegistryAndInTheOtherBesideIt() {
    try (MicrometerDoubleRegistrations doubleRegistrations = new MicrometerDoubleRegistrations()) {
      runner
          .withUserConfiguration(Listeners.class, OtherRegistry.class)
          .run(
              context -> {
                // Boot bound vigilAnomalyMetrics to its composite, which holds both registries.
                VigilAnomalyMeterRegistry vigil = context.getBean(VigilAnomalyMeterRegistry.class);
                SimpleMeterRegistry other = context.getBean(SimpleMeterRegistry.class);
                context.getBean(MockClock.class).add(Duration.ofMinutes(10));
                vigil.close();

                assertThat(vigil.find("vigil.anomaly.detected").functionCounters()).hasSize(1);
                assertThat(other.find("vigil.anomaly.detected").functionCounters()).hasSize(1);
                assertThat(doubleRegistrations.messages()).isEmpty();
              });
    }
  }

  @Test
  void watchedMetersFollowTheProperty() {
    runner
        .withUserConfiguration(OtherRegistry.class)
        .withPropertyValues("vigil.anomaly.watch=orders.*")
        .run(
            context -> {
              MeterRegistry primary = context.getBean(MeterRegistry.class);
              primary.counter("orders.placed").increment();
              primary.counter("http.server.requests").increment();
              VigilAnomalyMeterRegistry vigil = context.getBean(VigilAnomalyMeterRegistry.class);
              assertThat(vigil.find("orders.placed").counter()).isNotNull();
              assertThat(vigil.find("http.server.requests").counter()).isNull();
            });
  }

  @Test
  void bindsPropertiesOntoTheLibrarysConfig() {
    runner
        .withPropertyValues("vigil.anomaly.detector=zscore", "vigil.anomaly.max-series=50")
        .run(
            context -> {
              VigilAnomalyConfig config = context.getBean(VigilAnomalyConfig.class);
              assertThat(config.detector()).isEqualTo("zscore");
              assertThat(config.maxSeries()).isEqualTo(50);
              assertThat(config.step()).hasMinutes(10);
            });
  }

  @Test
  void badValueFailsStartUpNamingTheProperty() {
    runner
        .withPropertyValues("vigil.anomaly.max-series=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("vigil.anomaly.max-series")
                    .hasMessageContaining("0"));
    runner
        .withPropertyValues("vigil.anomaly.detector=nope")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("vigil.anomaly.detector")
                    .hasMessageContaining("nope"));
  }

  @Test
  void backsOffWithoutTheLibrary() {
    runner
        .withClassLoader(new FilteredClassLoader(VigilAnomalyMeterRegistry.class))
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(VigilAnomalyMeterRegistry.class);
              assertThat(context).hasSingleBean(SimpleMeterRegistry.class);
            });
  }

  @Test
  void backsOffWhenDisabled() {
    runner
        .withPropertyValues("vigil.anomaly.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(VigilAnomalyMeterRegistry.class));
  }

  @Test
  void theAnomalyLoggerBacksOffWhenLoggingIsDisabled() {
    runner.run(context -> assertThat(context).hasSingleBean(AnomalyLogger.class));
    runner
        .withPropertyValues("vigil.logging.enabled=false")
        .run(
            context -> {
              assertThat(context).hasSingleBean(VigilAnomalyMeterRegistry.class);
              assertThat(context).doesNotHaveBean(AnomalyLogger.class);
            });
  }

  @Test
  void theAnomalyLoggerBacksOffForTheUsersWhichTheRegistryLogsThrough() {
    runner
        .withUserConfiguration(Listeners.class, UserAnomalyLogger.class)
        .withPropertyValues(
            "vigil.anomaly.step=1m",
            "vigil.anomaly.detector=zscore",
            "vigil.anomaly.detector-settings.window=20",
            "vigil.anomaly.detector-settings.[min-points]=5",
            "vigil.anomaly.detector-settings.threshold=4")
        .run(
            context -> {
              assertThat(context).hasSingleBean(AnomalyLogger.class);
              assertThat(context.getBean(AnomalyLogger.class))
                  .isSameAs(context.getBean("userAnomalyLogger"));
              MockClock clock = context.getBean(MockClock.class);
              VigilAnomalyMeterRegistry vigil = context.getBean(VigilAnomalyMeterRegistry.class);
              Counter requests = vigil.counter("http.server.requests", "uri", "/a");
              try (LogLines lines = new LogLines("io.vigil.anomaly")) {
                // Thirty steady steps of about 10 per second, then one ten times higher.
                for (int i = 0; i < 30; i++) {
                  requests.increment(600 + (i % 3) * 6);
                  clock.add(Duration.ofMinutes(1));
                  RegistrySteps.publish(vigil);
                }
                assertThat(lines.messages()).isEmpty();
                requests.increment(6000);
                clock.add(Duration.ofMinutes(1));
                RegistrySteps.publish(vigil);
                // Once: the user's logger is the registry's, and no second one logs beside it.
                assertThat(lines.messages())
                    .singleElement()
                    .asString()
                    .startsWith("anomaly in http.server.requests");
              }
            });
  }

  @Test
  void backsOffWithoutMicrometersClock() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(VigilAnomalyMetricsAutoConfiguration.class))
        .run(context -> assertThat(context).doesNotHaveBean(VigilAnomalyMeterRegistry.class));
  }

  @Test
  void backsOffWhenTheUserDefinesTheRegistry() {
    runner
        .withUserConfiguration(UserRegistry.class)
        .run(
            context ->
                assertThat(context.getBean(VigilAnomalyMeterRegistry.class))
                    .isSameAs(context.getBean("userVigil")));
  }

  @Test
  void orderedBetweenBootsMetricsAndItsCompositeAndFallback() {
    List<Class<?>> order =
        List.of(
            Configurations.getClasses(
                AutoConfigurations.of(
                    SimpleMetricsExportAutoConfiguration.class,
                    CompositeMeterRegistryAutoConfiguration.class,
                    VigilAnomalyMetricsAutoConfiguration.class,
                    MetricsAutoConfiguration.class)));
    int vigil = order.indexOf(VigilAnomalyMetricsAutoConfiguration.class);
    assertThat(vigil).isGreaterThan(order.indexOf(MetricsAutoConfiguration.class));
    assertThat(vigil).isLessThan(order.indexOf(CompositeMeterRegistryAutoConfiguration.class));
    assertThat(vigil).isLessThan(order.indexOf(SimpleMetricsExportAutoConfiguration.class));
  }

  @Test
  void recentAnomaliesListenToTheRegistry() {
    runner.run(context -> assertThat(context).hasSingleBean(RecentAnomalies.class));
  }

  @Test
  void eachStepsSignalsReachTheLiveAnalyzerUnderTheApplicationsName() {
    runner
        .withConfiguration(AutoConfigurations.of(VigilLiveAutoConfiguration.class))
        .withUserConfiguration(Listeners.class)
        .withPropertyValues("spring.application.name=orders")
        .run(
            context -> {
              MockClock clock = context.getBean(MockClock.class);
              VigilAnomalyMeterRegistry vigil = context.getBean(VigilAnomalyMeterRegistry.class);
              vigil.timer("http.server.requests", "uri", "/a").record(Duration.ofMillis(20));
              clock.add(Duration.ofMinutes(10));
              vigil.close(); // publishes the step that ended
              assertThat(context.getBean(LiveIncidentAnalyzer.class).counts().points())
                  .isPositive();
              List<String> seen = context.getBean("seen", List.class);
              assertThat(seen).isNotEmpty().allMatch(s -> s.startsWith("orders "));
            });
  }

  @Configuration(proxyBeanMethods = false)
  static class Listeners {
    @Bean
    MockClock micrometerClock() {
      return new MockClock();
    }

    @Bean
    List<String> seen() {
      return new java.util.concurrent.CopyOnWriteArrayList<>();
    }

    @Bean
    SignalListener recorder(List<String> seen) {
      return (service, signal, time, value) -> seen.add(service + " " + signal);
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OtherRegistry {
    @Bean
    SimpleMeterRegistry otherRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserAnomalyLogger {
    @Bean
    AnomalyLogger userAnomalyLogger() {
      return new AnomalyLogger();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserRegistry {
    @Bean
    VigilAnomalyMeterRegistry userVigil(Clock clock) {
      return new VigilAnomalyMeterRegistry(k -> k.endsWith(".step") ? "1h" : null, clock);
    }
  }
}
