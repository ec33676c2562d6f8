package io.vigil.cli.internal;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a comma-separated file with a header, row by row, keeping line numbers for errors. Fields
 * are plain (no quoting), as in NAB's files; blank lines are skipped.
 */
public final class CsvReader implements Closeable {

  private final Path file;
  private final BufferedReader reader;
  private final int[] columns;
  private final int width;
  private int line = 1;

  private CsvReader(Path file, BufferedReader reader, int[] columns, int width) {
    this.file = file;
    this.reader = reader;
    this.columns = columns;
    this.width = width;
  }

  /**
   * Opens a file and checks that its header names every required column.
   *
   * @throws InputException for a missing or unreadable file or a header without the columns
   */
  public static CsvReader open(Path file, List<String> required) {
    BufferedReader reader;
    try {
      reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InputException(file + ": no such file");
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage(), e);
    }
    try {
      String header = reader.readLine();
      if (header == null) {
        throw new InputException(
            file + " line 1: empty file; expected a header with " + String.join(",", required));
      }
      List<String> names =
          Arrays.stream(header.replace("\uFEFF", "").split(",", -1)).map(String::trim).toList();
      int[] columns = new int[required.size()];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = names.indexOf(required.get(i));
        if (columns[i] < 0) {
          throw new InputException(
              file
                  + " line 1: header '"
                  + header
                  + "' has no column '"
                  + required.get(i)
                  + "'; expected a header with "
                  + String.join(",", required));
        }
      }
      return new CsvReader(file, reader, columns, names.size());
    } catch (IOException | RuntimeException e) {
      closeQuietly(reader, e);
      if (e instanceof IOException io) {
        throw new InputException(file + ": cannot read: " + io.getMessage(), io);
      }
      throw (RuntimeException) e;
    }
  }

  /**
   * The next row's required fields in the order they were asked for, or null at the end.
   *
   * @throws InputException for a row with the wrong number of fields
   */
  public String @Nullable [] next() {
    String text;
    do {
      try {
        text = reader.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(file + ": cannot read", e);
      }
      if (text == null) {
        return null;
      }
      line++;
    } while (text.isBlank());
    String[] fields = text.split(",", -1);
    if (fields.length != width) {
      throw error("row '" + text + "' has " + fields.length + " fields; expected " + width);
    }
    String[] picked = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      picked[i] = fields[columns[i]].trim();
    }
    return picked;
  }

  /** The line number of the row {@link #next()} returned last, counting the header as 1. */
  public int line() {
    return line;
  }

  /** An input error about the current row, naming the file and line. */
  public InputException error(String problem) {
    return new InputException(file + " line " + line + ": " + problem);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }

  private static void closeQuietly(Closeable closeable, Exception primary) {
    try {
      closeable.close();
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }
}
