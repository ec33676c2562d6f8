package io.vigil.cli.internal.nab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A corpus in NAB's layout small enough to score by hand: {@code cat/a.csv} (20 rows, one window
 * over rows 10..14) and {@code cat/b.csv} (20 rows, no window), one row a minute from midnight.
 */
final class TinyCorpus {

  static final String WINDOWS =
      "{\"cat/a.csv\": [[\"2024-01-01 00:10:00.000000\", \"2024-01-01 00:14:00.000000\"]],"
          + " \"cat/b.csv\": []}";

  private TinyCorpus() {}

  static Path write(Path dir) throws IOException {
    return write(dir, WINDOWS);
  }

  static Path write(Path dir, String windows) throws IOException {
    Files.createDirectories(dir.resolve("data/cat"));
    Files.createDirectories(dir.resolve("labels"));
    Files.writeString(dir.resolve("data/cat/a.csv"), rows(20));
    Files.writeString(dir.resolve("data/cat/b.csv"), rows(20));
    Files.writeString(dir.resolve("labels/combined_windows.json"), windows);
    return dir;
  }

  /** A result file with these scores for the corpus's timestamps. */
  static void result(Path file, double[] scores) throws IOException {
    StringBuilder csv = new StringBuilder("timestamp,value,anomaly_score\n");
    for (int i = 0; i < scores.length; i++) {
      csv.append(timestamp(i)).append(",1,").append(scores[i]).append('\n');
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file, csv);
  }

  static String timestamp(int minute) {
    return String.format(Locale.ROOT, "2024-01-01 00:%02d:00", minute);
  }

  private static String rows(int n) {
    StringBuilder csv = new StringBuilder("timestamp,value\n");
    for (int i = 0; i < n; i++) {
      csv.append(timestamp(i)).append(',').append(i == 12 ? 50 : 10 + i % 3).append('\n');
    }
    return csv.toString();
  }
}
