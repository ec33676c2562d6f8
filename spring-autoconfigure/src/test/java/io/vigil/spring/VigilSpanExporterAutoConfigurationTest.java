package io.vigil.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.vigil.live.LiveIncidentAnalyzer;
import io.vigil.otel.VigilSpanExporter;
import io.vigil.otel.internal.LearnerSettings;
import io.vigil.rca.CallGraph;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.Configurations;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class VigilSpanExporterAutoConfigurationTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  OpenTelemetrySdkAutoConfiguration.class,
                  OpenTelemetryTracingAutoConfiguration.class,
                  VigilLiveAutoConfiguration.class,
                  VigilSpanExporterAutoConfiguration.class));

  @Test
  void joinsBootsSpanExportersAndLearnsIntoTheAnalyzersGraph() {
    runner.run(
        context -> {
          VigilSpanExporter exporter = context.getBean(VigilSpanExporter.class);
          assertThat(exporter.graph()).isSameAs(context.getBean(CallGraph.class));
          assertThat(context.getBeansOfType(SpanExporter.class).values()).contains(exporter);
          // Boot's one BatchSpanProcessor exports to the list of SpanExporter beans.
          Iterable<?> spanExporters = (Iterable<?>) context.getBean("spanExporters");
          assertThat(spanExporters).anySatisfy(e -> assertThat(e).isSameAs(exporter));
        });
  }

  @Test
  void orderedAfterBootsTracingAndVigilsLiveAnalysis() {
    List<String> order =
        java.util.Arrays.stream(
                Configurations.getClasses(
                    AutoConfigurations.of(
                        VigilSpanExporterAutoConfiguration.class,
                        OpenTelemetryTracingAutoConfiguration.class,
                        VigilLiveAutoConfiguration.class)))
            .map(Class::getName)
            .toList();
    assertThat(order.indexOf(VigilSpanExporterAutoConfiguration.class.getName()))
        .isGreaterThan(order.indexOf(OpenTelemetryTracingAutoConfiguration.class.getName()))
        .isGreaterThan(order.indexOf(VigilLiveAutoConfiguration.class.getName()));
  }

  @Test
  void worksWithoutLiveAnalysis() {
    runner
        .withPropertyValues("vigil.live.enabled=false")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(LiveIncidentAnalyzer.class);
              assertThat(context).hasSingleBean(VigilSpanExporter.class);
            });
  }

  @Test
  void propertyDefaultsAreTheLibrarysDefaults() {
    VigilOtelProperties otel = new VigilOtelProperties();
    VigilLiveProperties.Graph graph = new VigilLiveProperties().getGraph();
    LearnerSettings library = LearnerSettings.DEFAULTS;
    assertThat(otel.getPendingTtl()).isEqualTo(library.pendingTtl());
    assertThat(otel.getMaxPendingSpans()).isEqualTo(library.maxPendingSpans());
    assertThat(otel.getMaxOperationsPerService()).isEqualTo(library.maxOperationsPerService());
    assertThat(graph.getMaxServices()).isEqualTo(library.maxServices());
    assertThat(graph.getMaxEdges()).isEqualTo(library.maxEdges());
  }

  @Test
  void badValueFailsStartUpNamingTheProperty() {
    runner
        .withPropertyValues("vigil.otel.max-pending-spans=0")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("vigil.otel.max-pending-spans"));
  }

  @Test
  void backsOffWithoutTheLibraryWhenDisabledAndForTheUsersBean() {
    runner
        .withClassLoader(new FilteredClassLoader(VigilSpanExporter.class))
        .run(context -> assertThat(context).doesNotHaveBean(VigilSpanExporter.class));
    runner
        .withPropertyValues("vigil.otel.enabled=false")
        .run(context -> assertThat(context).doesNotHaveBean(VigilSpanExporter.class));
    runner
        .withUserConfiguration(UserExporter.class)
        .run(
            context ->
                assertThat(context.getBean(VigilSpanExporter.class))
                    .isSameAs(context.getBean("userExporter")));
  }

  @Configuration(proxyBeanMethods = false)
  static class UserExporter {
    @Bean
    VigilSpanExporter userExporter() {
      return VigilSpanExporter.builder().build();
    }
  }
}
