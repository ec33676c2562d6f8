package io.vigil.logback.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonWritingUtils;
import net.logstash.logback.encoder.SeparatorParser;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * Writes one free-text field of the event, the message or the throwable's message, through the
 * {@link ValueSanitizer} (value limit, then secrets masked), as one string or, with a split
 * pattern, as an array of the parts of the sanitized text, so the limit holds either way.
 */
public final class FreeTextJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

  private final Function<ILoggingEvent, @Nullable String> text;
  private ValueSanitizer sanitizer = new ValueSanitizer(0, null);
  private @Nullable Pattern splitPattern;

  private FreeTextJsonProvider(Function<ILoggingEvent, @Nullable String> text) {
    this.text = text;
  }

  /** Returns the provider of the event's formatted message, as lle's {@code message} field. */
  public static FreeTextJsonProvider message() {
    return new FreeTextJsonProvider(ILoggingEvent::getFormattedMessage);
  }

  /** Returns the provider of the logged throwable's message, as lle's throwable message. */
  public static FreeTextJsonProvider throwableMessage() {
    return new FreeTextJsonProvider(FreeTextJsonProvider::throwableMessage);
  }

  private static @Nullable String throwableMessage(ILoggingEvent event) {
    IThrowableProxy throwable = event.getThrowableProxy();
    return throwable == null ? null : throwable.getMessage();
  }

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    String value = text.apply(event);
    if (value == null) {
      return;
    }
    String sanitized = sanitizer.sanitize(value);
    Pattern split = splitPattern;
    if (split == null) {
      JsonWritingUtils.writeStringField(generator, getFieldName(), sanitized);
    } else {
      JsonWritingUtils.writeStringArrayField(generator, getFieldName(), split.split(sanitized));
    }
  }

  /** Sets what the text goes through before it is written. */
  public void setSanitizer(ValueSanitizer sanitizer) {
    this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
  }

  /**
   * Sets the pattern that splits the text into an array, as lle's {@code messageSplitRegex} ({@code
   * SYSTEM}, {@code UNIX}, {@code WINDOWS} or a regular expression); {@code null} or empty writes
   * one string.
   *
   * @throws IllegalArgumentException naming the expression when it is not a regular expression
   */
  public void setSplitRegex(@Nullable String regex) {
    String separator = SeparatorParser.parseSeparator(regex);
    try {
      this.splitPattern = separator == null ? null : Pattern.compile(separator);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException(
          "messageSplitRegex '"
              + regex
              + "' is not a regular expression (expected SYSTEM, UNIX, WINDOWS or a"
              + " java.util.regex pattern): "
              + e.getDescription(),
          e);
    }
  }
}
