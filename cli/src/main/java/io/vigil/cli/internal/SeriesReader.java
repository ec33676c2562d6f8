package io.vigil.cli.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Reads a {@code timestamp,value} file row by row, with errors that name file, line and value. */
public final class SeriesReader implements Closeable {

  private final CsvReader csv;

  private SeriesReader(CsvReader csv) {
    this.csv = csv;
  }

  /**
   * Opens a file whose header has {@code timestamp} and {@code value} columns.
   *
   * @throws InputException for a missing file or a header without the columns
   */
  public static SeriesReader open(Path file) {
    return new SeriesReader(CsvReader.open(file, List.of("timestamp", "value")));
  }

  /**
   * The next row, or null at the end of the file.
   *
   * @throws InputException for a row whose timestamp or value cannot be read
   */
  public @Nullable SeriesRow next() {
    String[] fields = csv.next();
    if (fields == null) {
      return null;
    }
    long millis;
    try {
      millis = Timestamps.parseMillis(fields[0]);
    } catch (DateTimeException e) {
      throw csv.error(0, "timestamp '" + fields[0] + "' is not " + Timestamps.EXPECTED);
    }
    double number;
    try {
      number = Numbers.parse(fields[1]);
    } catch (NumberFormatException e) {
      throw csv.error(1, "value '" + fields[1] + "' is not a number");
    }
    return new SeriesRow(fields[0], fields[1], millis, number);
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
