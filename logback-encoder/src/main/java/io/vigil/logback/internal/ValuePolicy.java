package io.vigil.logback.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.spi.ContextAware;
import net.logstash.logback.composite.JsonProvider;
import net.logstash.logback.composite.loggingevent.StackTraceJsonProvider;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;
import org.jspecify.annotations.Nullable;

/**
 * What values go through, from the encoder's settings: the value limit, and the masking of secrets
 * by field name and inside values; and the providers that apply them to the stack trace and to the
 * fields named by the application, through logstash-logback-encoder's masking generator.
 */
public final class ValuePolicy {

  /** The shortest stack trace limit {@code ShortenedThrowableConverter} can cut to. */
  static final int MIN_STACK_TRACE_LENGTH = 8;

  /** How deep into causes and suppressed throwables messages are checked before a scan. */
  static final int MAX_DEPTH = 16;

  private final int maxValueLength;
  private final @Nullable SecretMasker secrets;
  private final @Nullable SensitiveFieldMasker fieldMasker;
  private final ValueSanitizer sanitizer;

  /**
   * Creates the policy.
   *
   * @param words the sensitive words
   * @param byName whether fields with sensitive names are masked
   * @param inValues whether secrets inside values are masked
   * @param mask what is written in place of a secret
   * @param maxValueLength the longest value kept whole, 0 for no limit
   */
  public ValuePolicy(
      SensitiveWords words, boolean byName, boolean inValues, String mask, int maxValueLength) {
    this.maxValueLength = maxValueLength;
    this.secrets = inValues && !words.isEmpty() ? new SecretMasker(words, mask) : null;
    this.fieldMasker = byName && !words.isEmpty() ? new SensitiveFieldMasker(words, mask) : null;
    this.sanitizer = new ValueSanitizer(maxValueLength, secrets);
  }

  /** Returns what every free-text value goes through: the limit, then the secrets masked. */
  public ValueSanitizer sanitizer() {
    return sanitizer;
  }

  /**
   * Returns the stack trace provider with its trace cut to the limit and its secrets masked. A
   * {@code ShortenedThrowableConverter} cuts the trace itself (its {@code maxLength}, lowered to
   * the limit); the trace of any other converter, written as one string, goes through the {@link
   * ValueSanitizer} in the masking generator, as every other value does.
   *
   * @param stackTrace logstash-logback-encoder's provider, with its converter set
   * @param status where to warn when a trace written as an array cannot be cut
   */
  public JsonProvider<ILoggingEvent> stackTrace(
      StackTraceJsonProvider stackTrace, ContextAware status) {
    boolean cutByConverter = false;
    if (maxValueLength > 0
        && stackTrace.getThrowableConverter() instanceof ShortenedThrowableConverter shortened) {
      int limit = Math.max(maxValueLength, MIN_STACK_TRACE_LENGTH);
      if (shortened.getMaxLength() > limit) {
        shortened.setMaxLength(limit);
      }
      cutByConverter = true;
    } else if (maxValueLength > 0 && stackTrace.isWriteAsArray()) {
      status.addWarn(
          "stack_trace written as an array is not cut to maxValueLength "
              + maxValueLength
              + ": the throwableConverter "
              + stackTrace.getThrowableConverter().getClass().getName()
              + " has no length limit; use net.logstash.logback.stacktrace"
              + ".ShortenedThrowableConverter (and its maxLength) to keep the limit");
    }
    int limit = !cutByConverter && !stackTrace.isWriteAsArray() ? maxValueLength : 0;
    ValueSanitizer cut = new ValueSanitizer(limit, null);
    ValueSanitizer cutAndMasked = new ValueSanitizer(limit, secrets);
    if (cutAndMasked.isIdentity()) {
      return stackTrace;
    }
    // A trace holds a secret only through a throwable's message: the text is scanned only then.
    MaskingJsonProvider masked =
        new MaskingJsonProvider(
            decorator(null, cutAndMasked),
            event -> !mayHoldSecret(event.getThrowableProxy(), 0),
            cut.isIdentity() ? null : decorator(null, cut));
    masked.addProvider(stackTrace);
    return masked;
  }

  /** Whether a message of the throwable, its causes or its suppressed ones may hold a secret. */
  private boolean mayHoldSecret(@Nullable IThrowableProxy throwable, int depth) {
    if (throwable == null || secrets == null) {
      return false;
    }
    if (depth >= MAX_DEPTH) {
      return true; // past the bound, scan the text rather than trust an unchecked message
    }
    String message = throwable.getMessage();
    if (message != null && secrets.mask(message) != null) {
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

  /**
   * Returns a provider that writes its providers' fields through the masking generator: masked by
   * name, cut and masked by value.
   *
   * @param skipPlainEvents whether events that need no change are written directly, which holds
   *     only when every provider added is one of Vigil's MDC, key-value, argument and marker ones
   */
  public MaskingJsonProvider applicationFields(boolean skipPlainEvents) {
    return new MaskingJsonProvider(
        decorator(fieldMasker, sanitizer),
        skipPlainEvents ? new PlainApplicationFields(fieldMasker, sanitizer) : event -> false);
  }

  private static MaskingJsonGeneratorDecorator decorator(
      @Nullable SensitiveFieldMasker masker, ValueSanitizer values) {
    MaskingJsonGeneratorDecorator decorator = new MaskingJsonGeneratorDecorator();
    if (masker != null) {
      decorator.addFieldMasker(masker);
    }
    if (!values.isIdentity()) {
      decorator.addValueMasker(values);
    }
    decorator.start();
    return decorator;
  }
}
