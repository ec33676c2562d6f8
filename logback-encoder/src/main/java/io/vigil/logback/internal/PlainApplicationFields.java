package io.vigil.logback.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import net.logstash.logback.argument.StructuredArgument;
import org.jspecify.annotations.Nullable;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;

/**
 * Tells whether an event's application-named fields need no masking and no cutting: no marker, no
 * structured argument, every MDC and key-value name free of sensitive words, every value a string
 * that the {@link ValueSanitizer} leaves as it is, a number or a boolean. Such events skip the
 * masking generator, which would change nothing in them; all others go through it.
 */
public final class PlainApplicationFields implements Predicate<ILoggingEvent> {

  private final @Nullable SensitiveFieldMasker masker;
  private final ValueSanitizer sanitizer;

  /**
   * Creates the check.
   *
   * @param masker the masker whose words make a name sensitive, or {@code null} when masking is off
   * @param sanitizer what string values go through
   */
  public PlainApplicationFields(@Nullable SensitiveFieldMasker masker, ValueSanitizer sanitizer) {
    this.masker = masker;
    this.sanitizer = sanitizer;
  }

  @Override
  public boolean test(ILoggingEvent event) {
    List<Marker> markers = event.getMarkerList();
    if (markers != null && !markers.isEmpty()) {
      return false;
    }
    Object[] arguments = event.getArgumentArray();
    if (arguments != null) {
      for (Object argument : arguments) {
        if (argument instanceof StructuredArgument) {
          return false;
        }
      }
    }
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      for (int i = 0; i < pairs.size(); i++) {
        KeyValuePair pair = pairs.get(i);
        if (pair.key != null && (!isPlainName(pair.key) || !isPlainValue(pair.value))) {
          return false;
        }
      }
    }
    Map<String, String> mdc = event.getMDCPropertyMap();
    if (mdc != null && !mdc.isEmpty()) {
      for (Map.Entry<String, String> entry : mdc.entrySet()) {
        if (!isPlainName(entry.getKey()) || !isPlainValue(entry.getValue())) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean isPlainName(@Nullable String name) {
    return name == null || masker == null || !masker.isSensitive(name);
  }

  private boolean isPlainValue(@Nullable Object value) {
    if (value instanceof String text) {
      return sanitizer.sanitize(text) == text;
    }
    return value == null || value instanceof Number || value instanceof Boolean;
  }
}
