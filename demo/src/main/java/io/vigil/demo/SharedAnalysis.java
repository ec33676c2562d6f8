package io.vigil.demo;

import io.vigil.live.LiveIncidentAnalyzer;
import io.vigil.otel.VigilSpanExporter;
import io.vigil.rca.CallGraph;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The parent application context of the service contexts: the analysis they share. One call graph
 * and one {@link LiveIncidentAnalyzer} (Vigil's starter in each service context finds them here and
 * uses them instead of its own), and one {@link VigilSpanExporter} that every service's spans
 * reach: pairing a caller's client span with the callee's server span needs both sides in one
 * place, which in a fleet is the OpenTelemetry Collector's servicegraph connector.
 */
@Configuration(proxyBeanMethods = false)
class SharedAnalysis {

  /** Incidents settle after this many quiet steps. */
  static final int SETTLE_STEPS = 5;

  @Bean
  CallGraph callGraph() {
    return new CallGraph();
  }

  @Bean(destroyMethod = "close")
  LiveIncidentAnalyzer liveIncidentAnalyzer(CallGraph graph, Environment environment) {
    Duration step = step(environment);
    return LiveIncidentAnalyzer.builder()
        .graph(graph)
        .step(step)
        .settle(step.multipliedBy(SETTLE_STEPS))
        .build();
  }

  @Bean(destroyMethod = "close")
  GraphMetricsExport graphMetricsExport(Environment environment) {
    return new GraphMetricsExport(
        environment.getProperty(DemoProperties.GRAPH_METRICS_OTLP_URL), step(environment));
  }

  @Bean(destroyMethod = "close")
  SharedSpanExporter sharedSpanExporter(
      CallGraph graph,
      LiveIncidentAnalyzer analyzer,
      GraphMetricsExport graphMetrics,
      Environment environment) {
    SharedSpanExporter shared = new SharedSpanExporter();
    shared.add(
        VigilSpanExporter.builder()
            .callGraph(graph)
            .signalListener(analyzer)
            .meterProvider(graphMetrics.meterProvider())
            .step(step(environment))
            .pendingTtl(Duration.ofSeconds(3))
            .build());
    return shared;
  }

  /** The analysis step the environment sets, checked. */
  static Duration step(Environment environment) {
    Duration step =
        environment.getProperty(DemoProperties.STEP, Duration.class, DemoProperties.DEFAULT_STEP);
    if (step.isNegative() || step.isZero()) {
      throw new IllegalArgumentException(
          DemoProperties.STEP + " must be a positive duration but was " + step);
    }
    return step;
  }
}
