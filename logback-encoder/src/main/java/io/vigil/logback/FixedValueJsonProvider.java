package io.vigil.logback;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vigil.logback.internal.LoneSurrogateRepair;
import net.logstash.logback.composite.AbstractFieldJsonProvider;
import net.logstash.logback.composite.JsonWritingUtils;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Writes one string field whose value is fixed by configuration, such as {@code service}, {@code
 * service_version} or {@code environment}; writes nothing while the value is unset or empty.
 *
 * <p>Name and value are escaped once, when the provider starts, and written pre-serialized.
 */
public class FixedValueJsonProvider extends AbstractFieldJsonProvider<ILoggingEvent> {

  private @Nullable String value;
  private @Nullable SerializableString serializedName;
  private @Nullable SerializableString serializedValue;

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
  public void start() {
    serialize();
    super.start();
  }

  private void serialize() {
    String fieldName = getFieldName();
    boolean written = value != null && JsonWritingUtils.shouldWriteField(fieldName);
    serializedName = written ? new SerializedString(LoneSurrogateRepair.repair(fieldName)) : null;
    serializedValue = written ? new SerializedString(value) : null;
  }

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    SerializableString name = serializedName;
    SerializableString text = serializedValue;
    if (name != null && text != null) {
      generator.writeName(name);
      generator.writeString(text);
    }
  }

  /** Returns the value written in every event, or {@code null} when none is set. */
  public @Nullable String getValue() {
    return value;
  }

  /**
   * Sets the value written in every event; {@code null} or empty writes no field. An unpaired
   * surrogate in it is written as U+FFFD.
   */
  public void setValue(@Nullable String value) {
    this.value = value == null || value.isEmpty() ? null : LoneSurrogateRepair.repair(value);
    if (isStarted()) {
      serialize();
    }
  }
}
