package io.vigil.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Every {@code vigil.*} property reaches the IDE with the javadoc of its field. */
class ConfigurationMetadataTest {

  @Test
  void everyVigilPropertyHasADescription() throws Exception {
    JsonNode metadata;
    try (InputStream in =
        getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("metadata written by spring-boot-configuration-processor").isNotNull();
      metadata = new ObjectMapper().readTree(in);
    }
    int vigil = 0;
    for (JsonNode property : metadata.get("properties")) {
      String name = property.get("name").asString();
      if (name.startsWith("vigil.")) {
        vigil++;
        assertThat(property.path("description").asString("")).as(name).isNotBlank();
      }
    }
    assertThat(vigil).isGreaterThanOrEqualTo(14);
  }
}
