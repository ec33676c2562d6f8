package io.vigil.cli.internal.rca;

import io.vigil.cli.internal.CsvReader;
import io.vigil.cli.internal.InputException;
import io.vigil.cli.internal.Numbers;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A small CSV file read whole, as the RCA datasets are, through {@link CsvReader}: the same parser
 * and the same {@code file:line:column} errors as every other CSV input.
 *
 * @param file where it was read from, for messages
 * @param header the column names
 * @param rows the data rows, each as long as the header
 * @param lines the line each row starts on, for messages
 */
record CsvTable(Path file, List<String> header, List<String[]> rows, long[] lines) {

  static CsvTable read(Path file) {
    try (CsvReader csv = CsvReader.openAll(file)) {
      List<String[]> rows = new ArrayList<>();
      List<Long> lines = new ArrayList<>();
      for (String[] row = csv.next(); row != null; row = csv.next()) {
        rows.add(row);
        lines.add(csv.line());
      }
      return new CsvTable(
          file, csv.header(), rows, lines.stream().mapToLong(Long::longValue).toArray());
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  int column(String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new InputException(file + ":1:1: no column '" + name + "' in the header " + header);
    }
    return index;
  }

  /** The field as a number; an empty or non-numeric field is NaN (skipped by every analysis). */
  double number(int row, int column) {
    String field = rows.get(row)[column];
    try {
      return field.isEmpty() ? Double.NaN : Numbers.parse(field);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** The field as a whole number, failing with the file, line and column when it is not one. */
  long wholeNumber(int row, int column) {
    String field = rows.get(row)[column];
    double v;
    try {
      v = Numbers.parse(field);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    if (v != Math.rint(v) || Math.abs(v) > 0x1p53) {
      throw error(row, column, header.get(column) + " '" + field + "' is not a whole number");
    }
    return (long) v;
  }

  /** An input error about one field, naming the file, line and column. */
  InputException error(int row, int column, String problem) {
    return new InputException(file + ":" + lines[row] + ":" + (column + 1) + ": " + problem);
  }
}
