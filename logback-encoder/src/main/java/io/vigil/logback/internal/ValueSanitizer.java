package io.vigil.logback.internal;

import net.logstash.logback.mask.ValueMasker;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.TokenStreamContext;

/**
 * What every free-text value goes through before it is written: cut to the value limit (ending with
 * a marker saying how much was cut), then its secrets masked. One instance serves Vigil's message
 * and error message fields directly and, as a logstash-logback-encoder {@link ValueMasker}, every
 * string the masking generator writes (MDC, key-value pairs, arguments, markers).
 *
 * <p>Only the kept part is scanned for secrets, so the cost is bounded by the limit, and a secret
 * cut at the limit is masked as far as it was kept.
 */
public final class ValueSanitizer implements ValueMasker {

  /** Starts the marker appended to a cut value, followed by the number of characters cut. */
  public static final String TRUNCATION_MARKER = "...[truncated ";

  private final int maxLength;
  private final @Nullable SecretMasker secrets;

  /**
   * Creates the sanitizer.
   *
   * @param maxLength the longest value kept whole, in UTF-16 characters; 0 for no limit
   * @param secrets masks the secrets in a value, or {@code null} to mask none
   * @throws IllegalArgumentException if {@code maxLength} is negative
   */
  public ValueSanitizer(int maxLength, @Nullable SecretMasker secrets) {
    if (maxLength < 0) {
      throw new IllegalArgumentException(
          "maxLength must be 0 (no limit) or a positive number of characters, was " + maxLength);
    }
    this.maxLength = maxLength;
    this.secrets = secrets;
  }

  /** Returns whether this sanitizer never changes a value (no limit, no masking). */
  public boolean isIdentity() {
    return maxLength == 0 && secrets == null;
  }

  /** Returns the value as written: {@code text} itself when nothing is cut or masked. */
  public String sanitize(String text) {
    int kept = maxLength == 0 || text.length() <= maxLength ? text.length() : cutPoint(text);
    String head = kept == text.length() ? text : text.substring(0, kept);
    String masked = secrets == null ? null : secrets.mask(head);
    String result = masked == null ? head : masked;
    return kept == text.length() ? result : withMarker(result, text.length() - kept);
  }

  @Override
  public @Nullable Object mask(TokenStreamContext context, Object value) {
    if (value instanceof String text) {
      String sanitized = sanitize(text);
      return sanitized == text ? null : sanitized;
    }
    return null;
  }

  private int cutPoint(String text) {
    return Character.isHighSurrogate(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
  }

  /**
   * Returns the first {@code maxLength} characters of {@code text} (one fewer when that would split
   * a surrogate pair) followed by the truncation marker, or {@code text} when it is not longer.
   *
   * @param text the value to cut
   * @param maxLength the number of characters to keep, 0 for no limit
   */
  public static String truncate(String text, int maxLength) {
    return new ValueSanitizer(maxLength, null).sanitize(text);
  }

  private static String withMarker(String head, int dropped) {
    return new StringBuilder(head.length() + TRUNCATION_MARKER.length() + 20)
        .append(head)
        .append(TRUNCATION_MARKER)
        .append(dropped)
        .append(" chars]")
        .toString();
  }
}
