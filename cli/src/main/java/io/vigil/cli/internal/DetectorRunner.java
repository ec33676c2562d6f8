package io.vigil.cli.internal;

import io.vigil.detect.AnomalyDetector;
import io.vigil.detect.Verdict;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Runs one detector over a {@code timestamp,value} file and writes one row per input row, in order:
 * the timestamp and value as written, the score as {@code %.12g}, and a last column.
 */
public final class DetectorRunner {

  private DetectorRunner() {}

  /** What the last column of each output row holds. */
  public interface LastColumn {

    /** The column's header name. */
    String header();

    /** The column's value for a row. */
    String value(int row, Verdict verdict);
  }

  /** The {@code is_anomaly} column of {@code vigil detect}: the detector's decision. */
  public static final LastColumn IS_ANOMALY =
      new LastColumn() {
        @Override
        public String header() {
          return "is_anomaly";
        }

        @Override
        public String value(int row, Verdict verdict) {
          return Boolean.toString(verdict.anomaly());
        }
      };

  /**
   * Scores every row of {@code input} and writes {@code timestamp,value,anomaly_score,<last>}.
   *
   * @return how many rows were written
   * @throws InputException naming the file, line and value for a bad row
   */
  public static int run(Path input, AnomalyDetector detector, LastColumn last, Writer out)
      throws IOException {
    int rows = 0;
    try (SeriesReader reader = SeriesReader.open(input)) {
      out.write("timestamp,value,anomaly_score," + last.header() + "\n");
      for (SeriesRow row = reader.next(); row != null; row = reader.next()) {
        Verdict verdict = detector.update(row.timestampMillis(), row.number());
        out.write(row.timestamp());
        out.write(',');
        out.write(row.value());
        out.write(',');
        out.write(String.format(Locale.ROOT, "%.12g", verdict.score()));
        out.write(',');
        out.write(last.value(rows, verdict));
        out.write('\n');
        rows++;
      }
    }
    return rows;
  }
}
