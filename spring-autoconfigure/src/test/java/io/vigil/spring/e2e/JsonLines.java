package io.vigil.spring.e2e;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Reads an application's JSON log lines. */
final class JsonLines {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLines() {}

  /** Waits for Spring Boot's "Started ..." line as JSON and parses it; null when none came. */
  static @Nullable JsonNode started(ForkedApp app) throws InterruptedException {
    String line = app.awaitLine(l -> l.startsWith("{") && l.contains("\"message\":\"Started "));
    return line == null ? null : JSON.readTree(line);
  }
}
