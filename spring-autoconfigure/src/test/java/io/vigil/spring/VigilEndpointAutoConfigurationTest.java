package io.vigil.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.live.LiveIncidentAnalyzer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.Configurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class VigilEndpointAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withPropertyValues("vigil.anomaly.step=10m")
          .withConfiguration(
              AutoConfigurations.of(
                  EndpointAutoConfiguration.class,
                  MetricsAutoConfiguration.class,
                  CompositeMeterRegistryAutoConfiguration.class,
                  SimpleMetricsExportAutoConfiguration.class,
                  VigilAnomalyMetricsAutoConfiguration.class,
                  VigilLiveAutoConfiguration.class,
                  VigilEndpointAutoConfiguration.class));

  @Test
  void notThereUnlessExposed() {
    runner.run(
        context -> {
          assertThat(context).doesNotHaveBean(VigilEndpoint.class);
          assertThat(context).doesNotHaveBean(VigilReportEndpoint.class);
        });
  }

  @Test
  void exposedItServesASectionPerPart() {
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=vigil,vigilreport")
        .run(
            context -> {
              VigilEndpoint endpoint = context.getBean(VigilEndpoint.class);
              assertThat(endpoint.sections())
                  .containsOnlyKeys("anomalies", "series", "graph", "reports");
              @SuppressWarnings("unchecked")
              Map<String, Object> series = (Map<String, Object>) endpoint.section("series");
              assertThat(series).containsKeys("counts", "series");
              assertThat(endpoint.section("anomalies")).isEqualTo(List.of());
              assertThat(endpoint.section("nothing")).isNull();
              assertThat(context.getBean(VigilReportEndpoint.class).page())
                  .contains("No incident report yet");
            });
  }

  @Test
  void liveSectionsComeAndGoWithLiveAnalysisAndTheContextStartsEitherWay() {
    ApplicationContextRunner exposed =
        runner.withPropertyValues("management.endpoints.web.exposure.include=vigil,vigilreport");
    exposed.run(
        context -> {
          assertThat(context).hasNotFailed().hasSingleBean(LiveIncidentAnalyzer.class);
          assertThat(context.getBean(VigilEndpoint.class).sections())
              .containsKeys("graph", "reports");
        });
    exposed
        .withPropertyValues("vigil.live.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed().doesNotHaveBean(LiveIncidentAnalyzer.class);
              assertThat(context.getBean(VigilEndpoint.class).sections())
                  .containsOnlyKeys("anomalies", "series");
              assertThat(context.getBean(VigilReportEndpoint.class).page())
                  .contains("Live analysis is off");
            });
  }

  @Test
  void orderedAfterTheRegistryAndLiveAnalysisWhoseBeansItsSectionsNeed() {
    // Boot sorts by name before it applies after=, which alone puts the endpoint behind VigilLive.
    List<Class<?>> order =
        List.of(
            Configurations.getClasses(
                AutoConfigurations.of(
                    VigilEndpointAutoConfiguration.class,
                    VigilLiveAutoConfiguration.class,
                    VigilAnomalyMetricsAutoConfiguration.class)));
    int endpoint = order.indexOf(VigilEndpointAutoConfiguration.class);
    assertThat(endpoint).isGreaterThan(order.indexOf(VigilLiveAutoConfiguration.class));
    assertThat(endpoint).isGreaterThan(order.indexOf(VigilAnomalyMetricsAutoConfiguration.class));
  }

  @Test
  void withoutTheRegistryTheEndpointHasNoRegistrySections() {
    runner
        .withPropertyValues(
            "management.endpoints.web.exposure.include=vigil",
            "vigil.anomaly.enabled=false",
            "vigil.live.enabled=false")
        .run(context -> assertThat(context.getBean(VigilEndpoint.class).sections()).isEmpty());
  }

  @Test
  void takesTheUsersOwnSections() {
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=vigil")
        .withUserConfiguration(UserSection.class)
        .run(
            context ->
                assertThat(context.getBean(VigilEndpoint.class).section("deploys"))
                    .isEqualTo("none"));
  }

  @Test
  void backsOffWithoutActuator() {
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=vigil")
        .withClassLoader(new FilteredClassLoader(Endpoint.class))
        .run(context -> assertThat(context).doesNotHaveBean(VigilEndpoint.class));
  }

  @Test
  void backsOffWhenTheUserDefinesTheEndpoint() {
    runner
        .withPropertyValues("management.endpoints.web.exposure.include=vigil")
        .withUserConfiguration(UserEndpoint.class)
        .run(
            context ->
                assertThat(context.getBean(VigilEndpoint.class))
                    .isSameAs(context.getBean("userEndpoint")));
  }

  @Configuration(proxyBeanMethods = false)
  static class UserSection {
    @Bean
    VigilEndpointSection deploys() {
      return new VigilEndpointSection() {
        @Override
        public String name() {
          return "deploys";
        }

        @Override
        public Object read() {
          return "none";
        }
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class UserEndpoint {
    @Bean
    VigilEndpoint userEndpoint() {
      return new VigilEndpoint(List.of());
    }
  }
}
