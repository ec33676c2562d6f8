package io.vigil.logback.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import net.logstash.logback.composite.JsonWritingUtils;
import net.logstash.logback.composite.loggingevent.StackTraceJsonProvider;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * logstash-logback-encoder's {@link StackTraceJsonProvider}, with the converter's text cut to the
 * value limit and its secrets masked before it is written (and, as an array, split into lines), so
 * the trace is written straight to the generator rather than through the masking generator.
 *
 * <p>A trace holds a secret only through a throwable's message, so the text is scanned for secrets
 * only when a message of the throwable, its causes or its suppressed throwables may hold one.
 */
public final class SanitizedStackTraceJsonProvider extends StackTraceJsonProvider {

  /** How deep into causes and suppressed throwables messages are checked before a scan. */
  static final int MAX_DEPTH = 16;

  private ValueSanitizer cut = new ValueSanitizer(0, null);
  private ValueSanitizer cutAndMasked = cut;
  private @Nullable SecretMasker secrets;

  /**
   * Sets what the trace goes through before it is written.
   *
   * @param maxLength the longest trace kept whole, 0 for no limit
   * @param secrets masks the secrets in a trace, or {@code null} to mask none
   */
  public void setSanitizing(int maxLength, @Nullable SecretMasker secrets) {
    this.cut = new ValueSanitizer(maxLength, null);
    this.cutAndMasked = new ValueSanitizer(maxLength, secrets);
    this.secrets = secrets;
  }

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    IThrowableProxy throwable = event.getThrowableProxy();
    if (throwable == null) {
      return;
    }
    String converted = getThrowableConverter().convert(event);
    String trace = (mayHoldSecret(throwable, 0) ? cutAndMasked : cut).sanitize(converted);
    if (isWriteAsArray()) {
      JsonWritingUtils.writeStringArrayField(generator, getFieldName(), trace.split("\n"));
    } else {
      JsonWritingUtils.writeStringField(generator, getFieldName(), trace);
    }
  }

  /** Whether a message of the throwable, its causes or its suppressed ones may hold a secret. */
  private boolean mayHoldSecret(@Nullable IThrowableProxy throwable, int depth) {
    SecretMasker masker = secrets;
    if (throwable == null || masker == null) {
      return false;
    }
    if (depth >= MAX_DEPTH) {
      return true; // past the bound, scan the text rather than trust an unchecked message
    }
    String message = throwable.getMessage();
    if (message != null && masker.mask(message) != null) {
      return true;
    }
    if (mayHoldSecret(throwable.getCause(), depth + 1)) {
      return true;
    }
    for (IThrowableProxy suppressed : throwable.getSuppressed()) {
      if (mayHoldSecret(suppressed, depth + 1)) {
        return true;
      }
    }
    return false;
  }
}
