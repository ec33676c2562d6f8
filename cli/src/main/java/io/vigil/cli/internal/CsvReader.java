package io.vigil.cli.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads a CSV file with a header row by row, streaming, with Apache Commons CSV (RFC 4180: quoted
 * fields allowed, blank lines skipped, fields trimmed). Every error names the file, the line and
 * the column, as {@code in.csv:4:2: value 'abc' is not a number}; the column is the field's
 * position in the row, counted from 1.
 */
public final class CsvReader implements Closeable {

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setTrim(true).get();

  private final Path file;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final List<String> header;
  private final int[] columns;
  private long line = 1;

  private CsvReader(Path file, CSVParser parser, List<String> header, int[] columns) {
    this.file = file;
    this.parser = parser;
    this.records = parser.iterator();
    this.header = header;
    this.columns = columns;
  }

  /**
   * Opens a file and checks that its header names every required column; {@link #next()} returns
   * those columns, in that order.
   *
   * @throws InputException for a missing or unreadable file or a header without the columns
   */
  public static CsvReader open(Path file, List<String> required) {
    return open(file, required, false);
  }

  /**
   * Opens a file for all its columns, in the header's order.
   *
   * @throws InputException for a missing, unreadable or empty file
   */
  public static CsvReader openAll(Path file) {
    return open(file, List.of(), true);
  }

  private static CsvReader open(Path file, List<String> required, boolean all) {
    CSVParser parser = parser(file);
    try {
      Iterator<CSVRecord> it = parser.iterator();
      if (!hasNext(it, file, 1)) {
        throw new InputException(
            file + ":1:1: empty file; expected a header with " + String.join(",", required));
      }
      CSVRecord first = it.next();
      List<String> header = new ArrayList<>(first.toList());
      header.set(0, header.get(0).replace("\uFEFF", ""));
      int[] columns = new int[all ? header.size() : required.size()];
      for (int i = 0; all && i < columns.length; i++) {
        columns[i] = i;
      }
      for (int i = 0; !all && i < columns.length; i++) {
        columns[i] = header.indexOf(required.get(i));
        if (columns[i] < 0) {
          throw new InputException(
              file
                  + ":1:1: header '"
                  + String.join(",", header)
                  + "' has no column '"
                  + required.get(i)
                  + "'; expected a header with "
                  + String.join(",", required));
        }
      }
      return new CsvReader(file, parser, List.copyOf(header), columns);
    } catch (RuntimeException e) {
      closeQuietly(parser, e);
      throw e;
    }
  }

  /** The header's column names. */
  public List<String> header() {
    return header;
  }

  /**
   * The next row's chosen fields, or null at the end; blank lines are skipped.
   *
   * @throws InputException for a row with a different number of fields than the header, or text
   *     that is not CSV
   */
  public String @Nullable [] next() {
    CSVRecord record;
    do {
      long before = parser.getCurrentLineNumber();
      if (!hasNext(records, file, before + 1)) {
        return null;
      }
      record = records.next();
      line = before + 1;
    } while (record.size() == 1 && record.get(0).isEmpty());
    if (record.size() != header.size()) {
      throw error(
          "row '"
              + String.join(",", record.toList())
              + "' has "
              + record.size()
              + " fields; expected "
              + header.size()
              + " as in the header");
    }
    String[] picked = new String[columns.length];
    for (int i = 0; i < columns.length; i++) {
      picked[i] = record.get(columns[i]);
    }
    return picked;
  }

  /** The line on which the row {@link #next()} returned last starts, the header being 1. */
  public long line() {
    return line;
  }

  /** An input error about the current row as a whole. */
  public InputException error(String problem) {
    return new InputException(file + ":" + line + ":1: " + problem);
  }

  /** An input error about field {@code picked} of {@link #next()}'s result in the current row. */
  public InputException error(int picked, String problem) {
    return at(line, columns[picked], problem);
  }

  /** An input error at a line and a 0-based column index of this file. */
  public InputException at(long line, int column, String problem) {
    return new InputException(file + ":" + line + ":" + (column + 1) + ": " + problem);
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }

  private static CSVParser parser(Path file) {
    try {
      Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
    } catch (NoSuchFileException e) {
      throw new InputException(file + ": no such file");
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Whether there is another record; a parse or read error becomes bad input at its line. */
  private static boolean hasNext(Iterator<CSVRecord> it, Path file, long line) {
    try {
      return it.hasNext();
    } catch (UncheckedIOException | IllegalStateException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new InputException(file + ":" + line + ":1: not valid CSV: " + cause.getMessage(), e);
    }
  }

  private static void closeQuietly(Closeable closeable, Exception primary) {
    try {
      closeable.close();
    } catch (IOException e) {
      primary.addSuppressed(e);
    }
  }
}
