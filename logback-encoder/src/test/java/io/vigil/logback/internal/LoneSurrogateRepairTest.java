package io.vigil.logback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoneSurrogateRepairTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"a\\uD800b\" | \"a\\uFFFDb\"",
        "\"a\\udc00b\" | \"a\\uFFFDb\"",
        "\"\\uDE00\\uD83D\" | \"\\uFFFD\\uFFFD\"",
        "\"\\uD83D\\uDE00\" | \"\\uD83D\\uDE00\"",
        "\"\\uD83D\" | \"\\uFFFD\"",
        "\"\\\\uD800\" | \"\\\\uD800\"",
        "\"\\\\\\uD800\" | \"\\\\\\uFFFD\"",
        "\"\\n\\u0000\\u00e4\" | \"\\n\\u0000\\u00e4\"",
        "{\"k\\uDBFF\":1} | {\"k\\uFFFD\":1}",
      })
  void rewritesEveryUnpairedSurrogateEscapeAtEverySplitOfTheWrites(String json, String repaired)
      throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.US_ASCII);
    for (int split = 0; split <= bytes.length; split++) {
      for (int second = split; second <= bytes.length; second++) {
        assertThat(write(bytes, split, second))
            .as("writes split at %d and %d", split, second)
            .isEqualTo(repaired);
      }
    }
  }

  private static String write(byte[] bytes, int split, int second) throws IOException {
    byte[] copy = bytes.clone();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LoneSurrogateRepair repair = new LoneSurrogateRepair();
    repair.connect(out);
    repair.write(copy, 0, split);
    repair.write(copy, split, second - split);
    repair.write(copy, second, copy.length - second);
    repair.flush();
    repair.disconnect(true);
    return out.toString(StandardCharsets.US_ASCII);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "a\uD800b | a\uFFFDb",
        "\uDE00\uD83D | \uFFFD\uFFFD",
        "ok \uD83D\uDE00 | ok \uD83D\uDE00"
      })
  void repairsStrings(String text, String repaired) {
    assertThat(LoneSurrogateRepair.repair(text)).isEqualTo(repaired);
  }
}
