package io.vigil.logback.internal;

import net.logstash.logback.composite.loggingevent.mdc.MdcEntryWriter;
import tools.jackson.core.JsonGenerator;

/**
 * Writes every MDC value as a JSON string straight to the generator, which is what
 * logstash-logback-encoder's {@code MdcJsonProvider} writes by default, without its per-value
 * serializer lookup (MDC values are always strings).
 */
public final class StringMdcEntryWriter implements MdcEntryWriter {

  @Override
  public boolean writeMdcEntry(
      JsonGenerator generator, String fieldName, String mdcKey, String mdcValue) {
    generator.writeStringProperty(fieldName, mdcValue);
    return true;
  }
}
