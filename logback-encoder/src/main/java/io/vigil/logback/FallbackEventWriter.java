package io.vigil.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Writes the short line that stands in for an event whose full encoding failed (a key-value whose
 * serializer throws, say): the event's timestamp, level, service, logger, thread and message, plus
 * an {@code encoder_error} field naming the failure, so that no event is lost or split.
 */
final class FallbackEventWriter {

  /** The field that names why the full encoding failed. */
  static final String FIELD_ENCODER_ERROR = "encoder_error";

  private static final JsonFactory JSON = new JsonFactory();

  private FallbackEventWriter() {}

  /**
   * Returns the fallback line for the event, ending with the line separator.
   *
   * @param event the event whose encoding failed
   * @param failure why it failed
   * @param formatter the formatter whose field names, service and length limit apply
   * @param lineSeparator the bytes ending the line
   */
  static byte[] write(
      ILoggingEvent event, Throwable failure, VigilJsonFormatter formatter, byte[] lineSeparator) {
    VigilFieldNames names = formatter.getFieldNames();
    int limit = formatter.getMaxValueLength();
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), out)) {
      generator.writeStartObject();
      write(generator, names.getTimestamp(), Instant.ofEpochMilli(event.getTimeStamp()).toString());
      write(generator, names.getLevel(), String.valueOf(event.getLevel()));
      write(generator, names.getService(), formatter.getServiceName());
      write(generator, names.getServiceVersion(), formatter.getServiceVersion());
      write(generator, names.getEnvironment(), formatter.getEnvironment());
      write(
          generator,
          names.getMessage(),
          LengthLimitingValueMasker.limit(safeMessage(event), limit));
      write(generator, names.getLogger(), event.getLoggerName());
      write(generator, names.getThread(), event.getThreadName());
      write(
          generator,
          FIELD_ENCODER_ERROR,
          LengthLimitingValueMasker.limit(String.valueOf(failure), limit));
      generator.writeEndObject();
    }
    out.writeBytes(lineSeparator);
    return out.toByteArray();
  }

  private static void write(JsonGenerator generator, String fieldName, @Nullable String value) {
    if (value != null && !VigilFieldNames.IGNORE.equals(fieldName)) {
      generator.writeStringProperty(fieldName, value);
    }
  }

  private static @Nullable String safeMessage(ILoggingEvent event) {
    try {
      return event.getFormattedMessage();
    } catch (RuntimeException formattingFailed) {
      return event.getMessage();
    }
  }
}
