package io.vigil.logback.internal;

import ch.qos.logback.core.spi.ContextAware;
import net.logstash.logback.mask.MaskingJsonGeneratorDecorator;
import net.logstash.logback.stacktrace.ShortenedThrowableConverter;
import org.jspecify.annotations.Nullable;

/**
 * What values go through, from the encoder's settings: the value limit, and the masking of secrets
 * by field name and inside values; applied to the stack trace by its provider, and to the fields
 * named by the application through logstash-logback-encoder's masking generator.
 */
public final class ValuePolicy {

  /** The shortest stack trace limit {@code ShortenedThrowableConverter} can cut to. */
  static final int MIN_STACK_TRACE_LENGTH = 8;

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

  /** Returns whether values are cut to a limit. */
  public boolean hasLimit() {
    return maxValueLength > 0;
  }

  /** Returns what every free-text value goes through: the limit, then the secrets masked. */
  public ValueSanitizer sanitizer() {
    return sanitizer;
  }

  /**
   * Sets the stack trace provider to cut its trace to the limit and mask its secrets. A {@code
   * ShortenedThrowableConverter} cuts the trace itself (its {@code maxLength}, lowered to the
   * limit); the trace of any other converter, written as one string, is cut by the provider.
   *
   * @param stackTrace the provider, with its converter set
   * @param status where to warn when a trace written as an array cannot be cut
   */
  public void applyTo(SanitizedStackTraceJsonProvider stackTrace, ContextAware status) {
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
    stackTrace.setSanitizing(
        !cutByConverter && !stackTrace.isWriteAsArray() ? maxValueLength : 0, secrets);
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
