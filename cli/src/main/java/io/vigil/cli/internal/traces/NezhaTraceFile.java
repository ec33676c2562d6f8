package io.vigil.cli.internal.traces;

import io.vigil.cli.internal.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads one {@code HH_MM_trace.csv.gz} of the Nezha layout: columns {@code TraceID, SpanID,
 * ParentID, PodName, OperationName, StartTimeUnixNano, EndTimeUnixNano} (others ignored).
 */
final class NezhaTraceFile {

  private static final CSVFormat FORMAT =
      CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

  private NezhaTraceFile() {}

  /** Every span of the file, the pod name mapped to its service by {@code serviceOfPod}. */
  static List<NezhaSpan> read(Path file, UnaryOperator<String> serviceOfPod) {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
      List<NezhaSpan> spans = new ArrayList<>();
      for (CSVRecord row : parser) {
        spans.add(span(file, row, serviceOfPod));
      }
      return spans;
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      throw new InputException(file + ": not a gzip CSV trace file: " + e.getMessage(), e);
    }
  }

  private static NezhaSpan span(Path file, CSVRecord row, UnaryOperator<String> serviceOfPod) {
    return new NezhaSpan(
        field(file, row, "TraceID"),
        field(file, row, "SpanID"),
        field(file, row, "ParentID"),
        serviceOfPod.apply(field(file, row, "PodName")),
        field(file, row, "OperationName"),
        nanos(file, row, "StartTimeUnixNano"),
        nanos(file, row, "EndTimeUnixNano"));
  }

  private static String field(Path file, CSVRecord row, String column) {
    if (!row.isMapped(column)) {
      throw new InputException(file + ": no column " + column);
    }
    if (!row.isSet(column)) {
      throw new InputException(
          file + ":" + (row.getRecordNumber() + 1) + ": " + column + " is missing");
    }
    return row.get(column);
  }

  private static long nanos(Path file, CSVRecord row, String column) {
    String text = field(file, row, column);
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new InputException(
          file
              + ":"
              + (row.getRecordNumber() + 1)
              + ": "
              + column
              + " '"
              + text
              + "' is not an integer of epoch nanoseconds");
    }
  }
}
