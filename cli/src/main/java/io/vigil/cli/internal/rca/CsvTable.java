package io.vigil.cli.internal.rca;

import io.vigil.cli.internal.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A small CSV file read whole: a header and rows of unquoted fields, as the RCA datasets have.
 *
 * @param file where it was read from, for messages
 * @param header the column names
 * @param rows the data rows, each as long as the header
 */
record CsvTable(Path file, List<String> header, List<String[]> rows) {

  static CsvTable read(Path file) {
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = reader.readLine();
      if (first == null) {
        throw new InputException(file + ": empty file, expected a header line");
      }
      List<String> header = Arrays.asList(first.strip().split(",", -1));
      List<String[]> rows = new ArrayList<>();
      String line;
      int lineNumber = 1;
      while ((line = reader.readLine()) != null) {
        lineNumber++;
        if (line.isBlank()) {
          continue;
        }
        String[] fields = line.strip().split(",", -1);
        if (fields.length != header.size()) {
          throw new InputException(
              file
                  + ":"
                  + lineNumber
                  + ": "
                  + fields.length
                  + " fields, expected "
                  + header.size()
                  + " as in the header");
        }
        rows.add(fields);
      }
      return new CsvTable(file, List.copyOf(header), rows);
    } catch (IOException e) {
      throw new InputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  int column(String name) {
    int index = header.indexOf(name);
    if (index < 0) {
      throw new InputException(file + ": no column '" + name + "' in the header " + header);
    }
    return index;
  }

  /** The field as a number; empty or non-numeric fields are NaN (skipped by every analysis). */
  double number(int row, int column) {
    String field = rows.get(row)[column];
    if (field.isEmpty()) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(field);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** The field as a whole number, failing with the file, line and value when it is not one. */
  long wholeNumber(int row, int column) {
    String field = rows.get(row)[column];
    try {
      return (long) Double.parseDouble(field);
    } catch (NumberFormatException e) {
      throw new InputException(
          file
              + ":"
              + (row + 2)
              + ": '"
              + field
              + "' in column "
              + header.get(column)
              + " is not a number");
    }
  }
}
