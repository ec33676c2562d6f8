package io.vigil.logback.internal;

import ch.qos.logback.classic.spi.ILoggingEvent;
import java.util.List;
import net.logstash.logback.composite.loggingevent.KeyValuePairsJsonProvider;
import org.slf4j.event.KeyValuePair;
import tools.jackson.core.JsonGenerator;

/**
 * logstash-logback-encoder's {@link KeyValuePairsJsonProvider}, writing string, integer, long and
 * boolean values straight to the generator (the same JSON that the library's Jackson serializers
 * write for them) rather than looking up a serializer for each value; other values, and every value
 * once key names are included, excluded or renamed, go through the library's own path.
 */
public final class ScalarKeyValuePairsJsonProvider extends KeyValuePairsJsonProvider {

  private boolean plainKeys;

  @Override
  public void start() {
    plainKeys =
        getFieldName() == null
            && getIncludeKeyNames().isEmpty()
            && getExcludeKeyNames().isEmpty()
            && getKeyFieldNames().isEmpty();
    super.start();
  }

  @Override
  public void writeTo(JsonGenerator generator, ILoggingEvent event) {
    if (!plainKeys) {
      super.writeTo(generator, event);
      return;
    }
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs == null) {
      return;
    }
    for (int i = 0; i < pairs.size(); i++) {
      KeyValuePair pair = pairs.get(i);
      if (pair.key != null && pair.value != null) {
        writeValue(generator, pair.key, pair.value);
      }
    }
  }

  private static void writeValue(JsonGenerator generator, String key, Object value) {
    if (value instanceof String text) {
      generator.writeStringProperty(key, text);
    } else if (value instanceof Integer number) {
      generator.writeNumberProperty(key, number.intValue());
    } else if (value instanceof Long number) {
      generator.writeNumberProperty(key, number.longValue());
    } else if (value instanceof Boolean flag) {
      generator.writeBooleanProperty(key, flag);
    } else {
      generator.writePOJOProperty(key, value);
    }
  }
}
