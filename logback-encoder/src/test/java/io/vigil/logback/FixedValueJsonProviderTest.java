package io.vigil.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

class FixedValueJsonProviderTest {

  @Test
  void writesTheValueEscapedOnceAtStart() {
    FixedValueJsonProvider provider = new FixedValueJsonProvider("service");
    provider.setValue("a \"quoted\"\nname");
    provider.start();

    assertThat(write(provider)).isEqualTo("{\"service\":\"a \\\"quoted\\\"\\nname\"}");
  }

  @Test
  void followsAValueSetAfterStartAndWritesNothingWithoutOne() {
    FixedValueJsonProvider provider = new FixedValueJsonProvider("environment");
    provider.start();
    assertThat(write(provider)).isEqualTo("{}");

    provider.setValue("production");
    assertThat(write(provider)).isEqualTo("{\"environment\":\"production\"}");

    provider.setValue("");
    assertThat(write(provider)).isEqualTo("{}");
  }

  @Test
  void writesNothingWhenTheFieldIsIgnored() {
    FixedValueJsonProvider provider = new FixedValueJsonProvider(VigilFieldNames.IGNORE);
    provider.setValue("billing");
    provider.start();

    assertThat(write(provider)).isEqualTo("{}");
  }

  private static String write(FixedValueJsonProvider provider) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = JsonMapper.builder().build().createGenerator(out)) {
      generator.writeStartObject();
      provider.writeTo(generator, null);
      generator.writeEndObject();
    }
    return out.toString();
  }
}
