package io.vigil.spring.e2e;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads an application's JSON log lines. */
final class JsonLines {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLines() {}

  /** Spring Boot's "Started ..." line, parsed; null when no JSON line says so. */
  static @Nullable JsonNode started(List<String> lines) {
    for (String line : lines) {
      if (line.startsWith("{") && line.contains("\"message\":\"Started ")) {
        return JSON.readTree(line);
      }
    }
    return null;
  }
}
