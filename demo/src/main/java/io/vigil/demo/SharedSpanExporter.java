package io.vigil.demo;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The one place every service's finished spans meet: each service context's {@link
 * ServiceSpanExporter} forwards here, and the spans go on, one batch at a time, to the exporters
 * added (Vigil's span exporter, a test's in-memory one). Deliberately not a {@link SpanExporter}
 * itself, so that Boot does not pick it up from the parent context as well.
 */
final class SharedSpanExporter implements AutoCloseable {

  private final List<SpanExporter> delegates = new CopyOnWriteArrayList<>();
  private volatile boolean closed;

  /** Adds an exporter that receives every service's spans from now on. */
  public void add(SpanExporter exporter) {
    delegates.add(java.util.Objects.requireNonNull(exporter, "exporter"));
  }

  /** Exports one service's batch to every delegate; exports are serialized across services. */
  synchronized CompletableResultCode export(Collection<SpanData> spans) {
    if (closed) {
      return CompletableResultCode.ofFailure();
    }
    if (delegates.size() == 1) {
      return delegates.get(0).export(spans);
    }
    return CompletableResultCode.ofAll(delegates.stream().map(d -> d.export(spans)).toList());
  }

  /** Flushes every delegate. */
  CompletableResultCode flush() {
    return CompletableResultCode.ofAll(delegates.stream().map(SpanExporter::flush).toList());
  }

  /** Shuts every delegate down, once; later exports fail fast. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      CompletableResultCode.ofAll(delegates.stream().map(SpanExporter::shutdown).toList())
          .join(10, java.util.concurrent.TimeUnit.SECONDS);
    }
  }
}
