package io.vigil.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonWritingUtils;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * Writes one string field whose value is fixed by configuration, such as {@code service}, {@code
 * service_version} or {@code environment}; writes nothing while the value is unset or empty.
 */
public class FixedValueJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

  private @Nullable String value;

  /** Creates a provider with neither field name nor value; both are set from configuration. */
  public FixedValueJsonProvider() {}

  /**
   * Creates a provider for the given field name.
   *
   * @param fieldName the name of the field this provider writes
   */
  public FixedValueJsonProvider(String fieldName) {
    setFieldName(fieldName);
  }

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    if (value != null) {
      JsonWritingUtils.writeStringField(generator, getFieldName(), value);
    }
  }

  /** Returns the value written in every event, or {@code null} when none is set. */
  public @Nullable String getValue() {
    return value;
  }

  /** Sets the value written in every event; {@code null} or empty writes no field. */
  public void setValue(@Nullable String value) {
    this.value = value == null || value.isEmpty() ? null : value;
  }
}
