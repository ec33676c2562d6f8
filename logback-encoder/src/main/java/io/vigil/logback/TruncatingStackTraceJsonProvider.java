package io.vigil.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.JsonWritingUtils;
import net.logstash.logback.composite.loggingevent.StackTraceJsonProvider;
import tools.jackson.core.JsonGenerator;

/**
 * logstash-logback-encoder's {@link StackTraceJsonProvider}, with the rendered stack trace cut to a
 * maximum length and ended with a marker saying how much was cut.
 */
public class TruncatingStackTraceJsonProvider extends StackTraceJsonProvider {

  private int maxLength;

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    if (event.getThrowableProxy() == null) {
      return;
    }
    if (isWriteAsArray()) {
      super.writeTo(generator, event);
      return;
    }
    String stackTrace = getThrowableConverter().convert(event);
    JsonWritingUtils.writeStringField(
        generator, getFieldName(), LengthLimitingValueMasker.limit(stackTrace, maxLength));
  }

  /** Returns the longest stack trace written whole, in characters; 0 means no limit. */
  public int getMaxLength() {
    return maxLength;
  }

  /** Sets the longest stack trace written whole, in characters; 0 means no limit. */
  public void setMaxLength(int maxLength) {
    this.maxLength = maxLength;
  }
}
