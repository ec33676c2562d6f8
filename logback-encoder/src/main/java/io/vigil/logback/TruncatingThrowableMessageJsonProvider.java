package io.vigil.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import net.logstash.logback.composite.JsonWritingUtils;
import net.logstash.logback.composite.loggingevent.ThrowableMessageJsonProvider;
import tools.jackson.core.JsonGenerator;

/**
 * logstash-logback-encoder's {@link ThrowableMessageJsonProvider} (the logged throwable's message),
 * with the message cut to a maximum length and ended with a marker saying how much was cut.
 */
public class TruncatingThrowableMessageJsonProvider extends ThrowableMessageJsonProvider {

  private int maxLength;

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    IThrowableProxy throwable = getThrowable(event);
    if (throwable != null) {
      JsonWritingUtils.writeStringField(
          generator,
          getFieldName(),
          LengthLimitingValueMasker.limit(throwable.getMessage(), maxLength));
    }
  }

  /** Returns the longest message written whole, in characters; 0 means no limit. */
  public int getMaxLength() {
    return maxLength;
  }

  /** Sets the longest message written whole, in characters; 0 means no limit. */
  public void setMaxLength(int maxLength) {
    this.maxLength = maxLength;
  }
}
