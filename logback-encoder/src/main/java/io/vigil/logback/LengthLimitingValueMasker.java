package io.vigil.logback;

import net.logstash.logback.mask.ValueMasker;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.TokenStreamContext;

/**
 * A logstash-logback-encoder {@link ValueMasker} that cuts every string value longer than a limit
 * (MDC, key-value and argument values) and ends it with a marker saying how much was cut, so that
 * no single event can grow a log line without bound; the message, error message and stack trace are
 * cut the same way by their own providers.
 */
public final class LengthLimitingValueMasker implements ValueMasker {

  /** Starts the marker appended to a cut value, followed by the number of characters cut. */
  public static final String TRUNCATION_MARKER = "...[truncated ";

  private final int maxLength;

  /**
   * Creates a masker that keeps at most {@code maxLength} characters of each string value.
   *
   * @param maxLength the longest string value written whole, in UTF-16 characters
   * @throws IllegalArgumentException if {@code maxLength} is not positive
   */
  public LengthLimitingValueMasker(int maxLength) {
    if (maxLength <= 0) {
      throw new IllegalArgumentException(
          "maxLength must be a positive number of characters, was " + maxLength);
    }
    this.maxLength = maxLength;
  }

  @Override
  public @Nullable Object mask(TokenStreamContext context, Object value) {
    if (value instanceof String text && text.length() > maxLength) {
      return truncate(text, maxLength);
    }
    return null;
  }

  /**
   * Returns {@code text} cut to {@code maxLength} characters with the marker, or unchanged when it
   * is short enough, {@code null} or the limit is 0 (no limit).
   *
   * @param text the value to limit
   * @param maxLength the number of characters to keep, 0 for no limit
   */
  static @Nullable String limit(@Nullable String text, int maxLength) {
    return text != null && maxLength > 0 && text.length() > maxLength
        ? truncate(text, maxLength)
        : text;
  }

  /**
   * Returns the first {@code maxLength} characters of {@code text} (one fewer when that would split
   * a surrogate pair) followed by the truncation marker.
   *
   * @param text a string longer than {@code maxLength}
   * @param maxLength the number of characters to keep
   */
  static String truncate(String text, int maxLength) {
    int cut = maxLength;
    if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    int dropped = text.length() - cut;
    return new StringBuilder(cut + TRUNCATION_MARKER.length() + 20)
        .append(text, 0, cut)
        .append(TRUNCATION_MARKER)
        .append(dropped)
        .append(" chars]")
        .toString();
  }
}
