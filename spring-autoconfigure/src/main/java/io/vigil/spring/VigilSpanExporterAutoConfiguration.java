package io.vigil.spring;

import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.vigil.live.LiveIncidentAnalyzer;
import io.vigil.otel.VigilSpanExporter;
import io.vigil.otel.VigilSpanExporterBuilder;
import io.vigil.rca.CallGraph;
import io.vigil.spring.internal.InvalidVigilProperty;
import io.vigil.spring.internal.LiveAnalyzerFactory;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Adds {@link VigilSpanExporter} as a {@link SpanExporter} bean, which Spring Boot's OpenTelemetry
 * tracing puts into its one BatchSpanProcessor beside OTLP: it learns the shared {@link CallGraph}
 * and sends per-step RED signals to the live analyzer.
 */
@AutoConfiguration(
    afterName =
        "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
    after = VigilLiveAutoConfiguration.class)
@ConditionalOnClass({VigilSpanExporter.class, SpanExporter.class})
@ConditionalOnBooleanProperty(name = "vigil.otel.enabled", matchIfMissing = true)
@EnableConfigurationProperties({VigilOtelProperties.class, VigilLiveProperties.class})
public final class VigilSpanExporterAutoConfiguration {

  VigilSpanExporterAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  VigilSpanExporter vigilSpanExporter(
      VigilOtelProperties properties,
      VigilLiveProperties live,
      Environment environment,
      ObjectProvider<CallGraph> graph,
      ObjectProvider<LiveIncidentAnalyzer> analyzer,
      ObjectProvider<MeterProvider> meterProvider) {
    VigilSpanExporterBuilder b = VigilSpanExporter.builder();
    graph.ifAvailable(b::callGraph);
    analyzer.ifAvailable(b::signalListener);
    meterProvider.ifAvailable(b::meterProvider);
    b.step(LiveAnalyzerFactory.step(live, environment))
        .pendingTtl(properties.getPendingTtl())
        .maxPendingSpans(properties.getMaxPendingSpans())
        .maxServices(live.getGraph().getMaxServices())
        .maxEdges(live.getGraph().getMaxEdges())
        .maxOperationsPerService(properties.getMaxOperationsPerService());
    InvalidVigilProperty.apply(
        "vigil.otel.learning-queue-size", properties.getLearningQueueSize(), b::learningQueueSize);
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw InvalidVigilProperty.named(
          "vigil.otel",
          e,
          Map.of(
              "maxServices", "vigil.live.graph.max-services",
              "maxEdges", "vigil.live.graph.max-edges",
              "step", "vigil.live.step"),
          Map.of(
              "pendingTtl", properties.getPendingTtl(),
              "maxPendingSpans", properties.getMaxPendingSpans(),
              "maxServices", live.getGraph().getMaxServices(),
              "maxEdges", live.getGraph().getMaxEdges(),
              "maxOperationsPerService", properties.getMaxOperationsPerService()));
    }
  }
}
