package io.vigil.cli.internal.otlp;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.vigil.cli.internal.TerminalText;
import java.io.PrintWriter;
import java.net.URI;
import java.util.Collection;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Wraps the OTLP exporter to count the events it delivered and to say, in one line on standard
 * error, the first time an export failed and why. The exporter's own log (a stack trace per failed
 * request) is silenced by {@link OtlpEvents}; the watch never stops for a failed export.
 */
final class DeliveryLog implements LogRecordExporter {

  private final LogRecordExporter delegate;
  private final URI endpoint;
  private final PrintWriter err;
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicBoolean warned = new AtomicBoolean();

  DeliveryLog(LogRecordExporter delegate, URI endpoint, PrintWriter err) {
    this.delegate = delegate;
    this.endpoint = endpoint;
    this.err = err;
  }

  @Override
  public CompletableResultCode export(Collection<LogRecordData> logs) {
    int count = logs.size();
    CompletableResultCode result = delegate.export(logs);
    result.whenComplete(
        () -> {
          if (result.isSuccess()) {
            delivered.addAndGet(count);
          } else {
            if (!warned.getAndSet(true)) {
              err.println(
                  "vigil: cannot send events to "
                      + endpoint
                      + ": "
                      + TerminalText.escape(reason(result.getFailureThrowable()))
                      + "; watching on, the reports on standard output are complete"
                      + " (later failures are counted, not shown)");
              err.flush();
            }
          }
        });
    return result;
  }

  /** Events the endpoint accepted. */
  long delivered() {
    return delivered.get();
  }

  @Override
  public CompletableResultCode flush() {
    return delegate.flush();
  }

  @Override
  public CompletableResultCode shutdown() {
    return delegate.shutdown();
  }

  /** The innermost message: the connection's or the HTTP answer's, not the exporter's wrapper. */
  private static String reason(Throwable failure) {
    if (failure == null) {
      return "the export failed";
    }
    Throwable t = failure;
    String message = t.getMessage();
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null) {
        message = t.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    return message == null ? failure.getClass().getSimpleName() : message;
  }
}
