package io.vigil.otel.internal;

import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import io.opentelemetry.sdk.autoconfigure.spi.internal.AutoConfigureListener;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.vigil.live.LiveIncidentAnalyzer;
import io.vigil.otel.VigilEventEmitter;
import io.vigil.otel.VigilSpanExporter;
import io.vigil.rca.CallGraph;
import java.util.Collection;
import java.util.List;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * What {@code otel.traces.exporter=vigil} creates: a call graph, an incident analyzer over it (fed
 * by the exporter's signals, its reports logged and emitted as events), and the {@link
 * VigilSpanExporter}, built once the SDK exists so that the graph metrics and events go through the
 * SDK's own meter and logger providers. Spans exported before that (none, in practice) are learned
 * with no-op metrics.
 */
final class AutoConfiguredVigil implements SpanExporter, AutoConfigureListener {

  private static final Logger LOGGER = Logger.getLogger("io.vigil.otel.VigilSpanExporter");

  private final VigilProperties properties;
  private final CallGraph graph;
  private final @Nullable LiveIncidentAnalyzer analyzer;
  private volatile @Nullable VigilSpanExporter exporter;

  AutoConfiguredVigil(VigilProperties properties) {
    this.properties = properties;
    LearnerSettings learner = properties.learner();
    this.graph = new CallGraph(learner.maxServices(), learner.maxEdges());
    this.analyzer = properties.analyzerEnabled() ? analyzer(properties, graph) : null;
  }

  private static LiveIncidentAnalyzer analyzer(VigilProperties properties, CallGraph graph) {
    try {
      return LiveIncidentAnalyzer.builder()
          .graph(graph)
          .step(properties.learner().step())
          .settle(properties.settle())
          .history(properties.history())
          .listener(report -> LOGGER.warning(report.summary()))
          .build();
    } catch (IllegalArgumentException e) {
      throw new ConfigurationException(
          "otel.vigil.analyzer.* settings do not fit together: " + e.getMessage(), e);
    }
  }

  @Override
  public void afterAutoConfigure(OpenTelemetrySdk sdk) {
    if (analyzer != null && properties.eventsEnabled()) {
      analyzer.addListener(VigilEventEmitter.create(sdk.getSdkLoggerProvider()));
    }
    build(sdk.getSdkMeterProvider());
  }

  private synchronized VigilSpanExporter build(MeterProvider meters) {
    VigilSpanExporter current = exporter;
    if (current != null) {
      return current;
    }
    LearnerSettings learner = properties.learner();
    var builder =
        VigilSpanExporter.builder()
            .callGraph(graph)
            .meterProvider(meters)
            .step(learner.step())
            .pendingTtl(learner.pendingTtl())
            .maxPendingSpans(learner.maxPendingSpans())
            .maxServices(learner.maxServices())
            .maxEdges(learner.maxEdges())
            .maxOperationsPerService(learner.maxOperationsPerService())
            .learningQueueSize(properties.learningQueueSize())
            .learningCpuShare(properties.learningCpuShare());
    if (analyzer != null) {
      builder.signalListener(analyzer);
    }
    current = builder.build();
    exporter = current;
    return current;
  }

  private VigilSpanExporter exporter() {
    VigilSpanExporter current = exporter;
    return current != null ? current : build(MeterProvider.noop());
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return exporter().export(spans);
  }

  @Override
  public CompletableResultCode flush() {
    return exporter().flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    CompletableResultCode stopped = exporter().shutdown();
    if (analyzer != null) {
      analyzer.close();
    }
    return CompletableResultCode.ofAll(List.of(stopped));
  }

  /** The exporter, for tests and diagnostics. */
  VigilSpanExporter delegate() {
    return exporter();
  }

  @Nullable LiveIncidentAnalyzer analyzer() {
    return analyzer;
  }

  @Override
  public String toString() {
    return "VigilSpanExporter(autoconfigured){" + exporter + "}";
  }
}
