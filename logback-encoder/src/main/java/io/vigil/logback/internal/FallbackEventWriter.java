package io.vigil.logback.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vigil.logback.VigilFieldNames;
import io.vigil.logback.VigilJsonFormatter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import net.logstash.logback.composite.JsonWritingUtils;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Writes the short line that stands in for an event whose full encoding failed (a key-value whose
 * serializer throws, say): the event's timestamp, level, service, logger, thread and message, plus
 * an {@code encoder_error} field naming the failure, so that no event is lost or split. The message
 * and the error go through the same {@link ValueSanitizer} as in a full line.
 */
public final class FallbackEventWriter {

  /** The field that names why the full encoding failed. */
  public static final String FIELD_ENCODER_ERROR = "encoder_error";

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

  private FallbackEventWriter() {}

  /**
   * Returns the fallback line for the event, ending with the line separator.
   *
   * @param event the event whose encoding failed
   * @param failure why it failed
   * @param formatter the formatter whose field names and service fields apply
   * @param sanitizer what the message and the error go through
   * @param lineSeparator the bytes ending the line
   */
  public static byte[] write(
      ILoggingEvent event,
      Throwable failure,
      VigilJsonFormatter formatter,
      ValueSanitizer sanitizer,
      byte[] lineSeparator) {
    VigilFieldNames names = formatter.getFieldNames();
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    LoneSurrogateRepair repair = new LoneSurrogateRepair();
    repair.connect(out);
    try (JsonGenerator generator = JSON.createGenerator(ObjectWriteContext.empty(), repair)) {
      generator.writeStartObject();
      JsonWritingUtils.writeStringField(
          generator, names.getTimestamp(), Instant.ofEpochMilli(event.getTimeStamp()).toString());
      JsonWritingUtils.writeStringField(
          generator, names.getLevel(), String.valueOf(event.getLevel()));
      JsonWritingUtils.writeStringField(generator, names.getService(), formatter.getServiceName());
      JsonWritingUtils.writeStringField(
          generator, names.getServiceVersion(), formatter.getServiceVersion());
      JsonWritingUtils.writeStringField(
          generator, names.getEnvironment(), formatter.getEnvironment());
      String message = safeMessage(event);
      JsonWritingUtils.writeStringField(
          generator, names.getMessage(), message == null ? null : sanitizer.sanitize(message));
      JsonWritingUtils.writeStringField(generator, names.getLogger(), event.getLoggerName());
      JsonWritingUtils.writeStringField(generator, names.getThread(), event.getThreadName());
      JsonWritingUtils.writeStringField(
          generator, FIELD_ENCODER_ERROR, sanitizer.sanitize(String.valueOf(failure)));
      generator.writeEndObject();
    }
    try {
      repair.disconnect(true);
    } catch (IOException cannotHappen) {
      throw new UncheckedIOException(cannotHappen);
    }
    out.writeBytes(lineSeparator);
    return out.toByteArray();
  }

  private static @Nullable String safeMessage(ILoggingEvent event) {
    try {
      return event.getFormattedMessage();
    } catch (RuntimeException formattingFailed) {
      return event.getMessage();
    }
  }
}
