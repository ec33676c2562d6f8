package io.vigil.logback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Checks a JSON line as strict parsers read it: every string well-formed UTF-16, jq accepts it. */
final class StrictJson {

  private StrictJson() {}

  /** Fails when a property name or string value of the line holds an unpaired surrogate. */
  static void assertEveryStringIsWellFormed(String line) {
    try (JsonParser parser = LogbackFixture.JSON.createParser(line)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.PROPERTY_NAME || token == JsonToken.VALUE_STRING) {
          String text = parser.getString();
          assertThat(isWellFormed(text)).as("well-formed UTF-16: %s", text).isTrue();
        }
      }
    }
  }

  private static boolean isWellFormed(String text) {
    // A strict UTF-8 encoder cannot encode an unpaired surrogate.
    return StandardCharsets.UTF_8.newEncoder().canEncode(text);
  }

  /** Runs {@code jq} on the line when it is installed (it rejects escaped lone surrogates). */
  static void assertJqAccepts(String line) throws IOException, InterruptedException {
    Path jq = Path.of("/usr/bin/jq");
    if (!Files.isExecutable(jq)) {
      return;
    }
    Path input = Files.createTempFile("vigil-line", ".json");
    try {
      Files.writeString(input, line + "\n", StandardCharsets.UTF_8);
      Process process =
          new ProcessBuilder(jq.toString(), "-e", ".", input.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as("jq's exit code on %s", line).isZero();
    } finally {
      Files.delete(input);
    }
  }
}
