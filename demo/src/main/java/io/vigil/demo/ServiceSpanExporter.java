package io.vigil.demo;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.Collection;

/**
 * A service context's span exporter: Boot's batch processor hands it the service's spans and it
 * forwards them to the {@link SharedSpanExporter}. Shutting one service down does not shut the
 * shared exporter down: the parent context does that.
 */
final class ServiceSpanExporter implements SpanExporter {

  private final SharedSpanExporter shared;

  ServiceSpanExporter(SharedSpanExporter shared) {
    this.shared = shared;
  }

  @Override
  public CompletableResultCode export(Collection<SpanData> spans) {
    return shared.export(spans);
  }

  @Override
  public CompletableResultCode flush() {
    return shared.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return CompletableResultCode.ofSuccess();
  }
}
