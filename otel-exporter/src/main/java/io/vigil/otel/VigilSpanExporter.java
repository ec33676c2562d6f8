package io.vigil.otel;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.vigil.otel.internal.LearningCounters;
import io.vigil.otel.internal.LearningLoop;
import io.vigil.rca.CallGraph;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * A {@link SpanExporter} that learns the service graph and per-step RED signals from every batch it
 * is given, registered beside the real exporter (or wrapping it as its delegate). What the real
 * exporter gets is never changed, delayed or dropped: the delegate sees the batch first and its
 * result is returned unchanged, then each span is reduced to a compact record of what learning
 * needs and offered to learning, which runs on a thread of its own behind a bounded ring of such
 * records; no span is kept once {@code export} returns. {@code export} never blocks and never
 * throws.
 *
 * <pre>{@code
 * CallGraph graph = new CallGraph();
 * VigilSpanExporter vigil = VigilSpanExporter.builder()
 *     .callGraph(graph)
 *     .signalListener(analyzer)
 *     .build();
 * SdkTracerProvider.builder()
 *     .addSpanProcessor(BatchSpanProcessor.builder(SpanExporter.composite(otlp, vigil)).build());
 * }</pre>
 */
public final class VigilSpanExporter implements SpanExporter {

  private static final Logger LOGGER = Logger.getLogger(VigilSpanExporter.class.getName());

  private final @Nullable SpanExporter delegate;
  private final CallGraph graph;
  private final LearningLoop learning;
  private final LearningCounters counters;
  private final AtomicBoolean shutdown = new AtomicBoolean();

  VigilSpanExporter(
      @Nullable SpanExporter delegate,
      CallGraph graph,
      LearningLoop learning,
      LearningCounters counters) {
    this.delegate = delegate;
    this.graph = graph;
    this.learning = learning;
    this.counters = counters;
  }

  /** A builder with the defaults: one-minute steps, no delegate, no listener, no-op metrics. */
  public static VigilSpanExporterBuilder builder() {
    return new VigilSpanExporterBuilder();
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    if (shutdown.get()) {
      return CompletableResultCode.ofFailure();
    }
    CompletableResultCode result = CompletableResultCode.ofSuccess();
    if (delegate != null) {
      try {
        result = delegate.export(spans);
      } catch (RuntimeException e) {
        LOGGER.log(Level.WARNING, "The delegate exporter threw; Vigil still learns the batch", e);
        result = CompletableResultCode.ofExceptionalFailure(e);
      }
    }
    try {
      // Reduced to compact records before this returns: the processor reuses its batch list, and
      // no span kept past the export would survive young collections.
      learning.offer(spans);
    } catch (RuntimeException e) {
      counters.failed(e);
    }
    return result;
  }

  /**
   * Moves learning time forward to {@code epochMillis}: closes every step that ended by then and
   * expires the spans that waited too long. For replay and tests; live, the learning thread does
   * this on its own.
   */
  public void advance(long epochMillis) {
    learning.advance(epochMillis);
  }

  /** Completes when the delegate has flushed and every batch exported so far has been learned. */
  @Override
  public CompletableResultCode flush() {
    CompletableResultCode learned = learning.flush();
    return delegate == null
        ? learned
        : CompletableResultCode.ofAll(List.of(safely(delegate::flush), learned));
  }

  /** Stops learning and shuts the delegate down; idempotent. */
  @Override
  public CompletableResultCode shutdown() {
    if (!shutdown.compareAndSet(false, true)) {
      return CompletableResultCode.ofSuccess();
    }
    CompletableResultCode stopped = learning.shutdown();
    return delegate == null
        ? stopped
        : CompletableResultCode.ofAll(List.of(safely(delegate::shutdown), stopped));
  }

  private static CompletableResultCode safely(
      java.util.function.Supplier<CompletableResultCode> op) {
    try {
      return op.get();
    } catch (RuntimeException e) {
      LOGGER.log(Level.WARNING, "The delegate exporter threw", e);
      return CompletableResultCode.ofExceptionalFailure(e);
    }
  }

  /** The call graph this exporter learns into (the one given to the builder, if any). */
  public CallGraph graph() {
    return graph;
  }

  /** What learning did and what its bounds refused so far. */
  public LearningStats stats() {
    return counters.snapshot();
  }

  @Override
  public String toString() {
    return "VigilSpanExporter{delegate=" + delegate + ", stats=" + stats() + "}";
  }
}
