package io.vigil.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.JsonWritingUtils;
import net.logstash.logback.composite.loggingevent.MessageJsonProvider;
import tools.jackson.core.JsonGenerator;

/**
 * logstash-logback-encoder's {@link MessageJsonProvider}, with the message cut to a maximum length
 * and ended with a marker saying how much was cut.
 */
public class TruncatingMessageJsonProvider extends MessageJsonProvider {

  private int maxLength;

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    if (getMessageSplitRegex() != null) {
      super.writeTo(generator, event);
      return;
    }
    JsonWritingUtils.writeStringField(
        generator,
        getFieldName(),
        LengthLimitingValueMasker.limit(event.getFormattedMessage(), maxLength));
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
