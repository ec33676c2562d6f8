package io.vigil.cli.internal.otlp;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.BatchLogRecordProcessor;
import io.opentelemetry.sdk.resources.Resource;
import io.vigil.live.IncidentReport;
import io.vigil.otel.VigilEventEmitter;
import java.io.PrintWriter;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jspecify.annotations.Nullable;

/**
 * {@code vigil watch}'s events pipeline: otel-exporter's {@link VigilEventEmitter} on the SDK's
 * logger provider, a {@link BatchLogRecordProcessor} and the OTLP/HTTP protobuf log exporter.
 *
 * <p>Emitting never blocks the watch: the processor's queue is bounded (the SDK's 2,048 events;
 * past it new events are dropped) and exports run on its own thread, retried as the exporter's
 * default policy says (at most 5 attempts). {@link #close()}, and a shutdown hook on SIGTERM or
 * Ctrl-C, shut the provider down, which flushes what is queued; each waits at most the timeout.
 */
public final class OtlpEvents implements AutoCloseable {

  /**
   * OTel's HTTP exporter logs each failed request with a stack trace; {@link DeliveryLog} says it
   * in one line instead. Held here because java.util.logging keeps loggers weakly.
   */
  private static final Logger EXPORTER_LOG =
      Logger.getLogger("io.opentelemetry.exporter.internal.http.HttpExporter");

  private final SdkLoggerProvider provider;
  private final VigilEventEmitter emitter;
  private final DeliveryLog delivery;
  private final OtlpSettings settings;
  private final PrintWriter err;
  private final Thread hook;
  private final AtomicLong emitted = new AtomicLong();
  private @Nullable CompletableResultCode shutdown;
  private boolean summarized;

  private OtlpEvents(OtlpSettings settings, PrintWriter err) {
    this.settings = settings;
    this.err = err;
    OtlpHttpLogRecordExporterBuilder exporter =
        OtlpHttpLogRecordExporter.builder()
            .setEndpoint(settings.logsEndpoint().toString())
            .setTimeout(settings.timeout());
    settings.headers().forEach(exporter::addHeader);
    this.delivery = new DeliveryLog(exporter.build(), settings.logsEndpoint(), err);
    AttributesBuilder resource = Attributes.builder();
    settings.resource().forEach(resource::put);
    this.provider =
        SdkLoggerProvider.builder()
            .setResource(Resource.getDefault().merge(Resource.create(resource.build())))
            .addLogRecordProcessor(BatchLogRecordProcessor.builder(delivery).build())
            .build();
    this.emitter = VigilEventEmitter.create(provider);
    this.hook = new Thread(this::shutDown, "vigil-otlp-shutdown");
  }

  /** Builds the pipeline and registers its shutdown hook. */
  public static OtlpEvents start(OtlpSettings settings, PrintWriter err) {
    EXPORTER_LOG.setLevel(Level.OFF);
    OtlpEvents events = new OtlpEvents(settings, err);
    Runtime.getRuntime().addShutdownHook(events.hook);
    return events;
  }

  /** Queues one {@value VigilEventEmitter#REPORT_EVENT} event; never blocks or throws. */
  public void emit(IncidentReport report) {
    emitted.incrementAndGet();
    emitter.onReport(report);
  }

  /** Flushes what is queued, within the timeout, and stops the pipeline; idempotent. */
  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down: the hook is running this too, and both wait for one result.
    }
    shutDown();
  }

  /** The hook run on SIGTERM or Ctrl-C. */
  Thread shutdownHook() {
    return hook;
  }

  private void shutDown() {
    CompletableResultCode done;
    synchronized (this) {
      if (shutdown == null) {
        shutdown = provider.shutdown();
      }
      done = shutdown;
    }
    done.join(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
    summarize();
  }

  /** One line at exit when events were lost, so that a quiet stderr means all were delivered. */
  private synchronized void summarize() {
    long lost = emitted.get() - delivery.delivered();
    if (summarized || lost <= 0) {
      return;
    }
    summarized = true;
    err.println(
        "vigil: "
            + lost
            + " of "
            + emitted.get()
            + " events were not delivered to "
            + settings.logsEndpoint()
            + "; the reports on standard output are complete");
    err.flush();
  }
}
