package io.vigil.logback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
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

  /** JSON string pieces as Jackson writes them; a surrogate escape is a 6-byte piece. */
  private static final List<String> PIECES =
      List.of(
          "a", "u", "D", "\\\\", "\\n", "\\t", "\\\"", "\\u00e4", "\\u0000", "\\uD83D", "\\udbff",
          "\\uDE00", "\\udc00", "\\uD800");

  @Test
  void repairsLongTextsAtRandomSplitsAsEachEscapeSaysWhereverTheWordsFall() throws IOException {
    Random random = new Random(9);
    for (int round = 0; round < 3_000; round++) {
      StringBuilder json = new StringBuilder();
      StringBuilder repaired = new StringBuilder();
      boolean highPending = false;
      int pieces = 1 + random.nextInt(60);
      for (int p = 0; p < pieces; p++) {
        String piece = PIECES.get(random.nextInt(PIECES.size()));
        boolean high = piece.matches("\\\\u[dD][89abAB]..");
        boolean low = piece.matches("\\\\u[dD][c-fC-F]..");
        if (highPending) {
          // the high surrogate written before is valid only when this piece is its low one
          repaired.replace(
              repaired.length() - 6,
              repaired.length(),
              low ? json.substring(json.length() - 6) : "\\uFFFD");
        }
        json.append(piece);
        repaired.append(low && !highPending ? "\\uFFFD" : piece);
        highPending = high;
        if (low) {
          highPending = false;
        }
      }
      if (highPending) {
        repaired.replace(repaired.length() - 6, repaired.length(), "\\uFFFD");
      }
      byte[] bytes = json.toString().getBytes(StandardCharsets.US_ASCII);
      int split = random.nextInt(bytes.length + 1);
      int second = split + random.nextInt(bytes.length - split + 1);
      assertThat(write(bytes, split, second))
          .as("%s split at %d and %d", json, split, second)
          .isEqualTo(repaired.toString());
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
