package io.vigil.cli.internal.rca;

import io.vigil.cli.internal.InputException;
import io.vigil.rca.CallGraph;
import io.vigil.rca.Incident;
import io.vigil.rca.MetricSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The RCD layout ({@code <service>-<fault>/<n>/normal.csv} and {@code anomalous.csv}, a {@code
 * time} column in seconds and {@code <service>_<metric>} columns): each case's incident starts at
 * the first anomalous row. Memory columns ({@code _mem}) are read in MB, as RCAEval does, so that a
 * constant byte count does not outweigh every other metric. The layout has no call graph.
 */
final class RcdDataset {

  private static final double BYTES_PER_MB = 1024.0 * 1024.0;

  private RcdDataset() {}

  static List<EvalCase> load(Path root) {
    List<EvalCase> cases = new ArrayList<>();
    for (Path faultDir : list(root)) {
      String name = faultDir.getFileName().toString();
      int dash = name.lastIndexOf('-');
      if (!Files.isDirectory(faultDir) || dash <= 0) {
        continue;
      }
      String service = name.substring(0, dash);
      String fault = name.substring(dash + 1);
      for (Path caseDir : list(faultDir)) {
        if (Files.isRegularFile(caseDir.resolve("anomalous.csv"))) {
          cases.add(new EvalCase(caseDir.toString(), fault, service, incident(caseDir)));
        }
      }
    }
    if (cases.isEmpty()) {
      throw new InputException(
          root + ": no cases found, expected <service>-<fault>/<n>/{normal,anomalous}.csv");
    }
    return cases;
  }

  static Incident incident(Path caseDir) {
    CsvTable normal = CsvTable.read(caseDir.resolve("normal.csv"));
    CsvTable anomalous = CsvTable.read(caseDir.resolve("anomalous.csv"));
    if (!normal.header().equals(anomalous.header())) {
      throw new InputException(caseDir + ": normal.csv and anomalous.csv have different headers");
    }
    if (anomalous.rows().isEmpty()) {
      throw new InputException(caseDir.resolve("anomalous.csv") + ": no rows");
    }
    int time = normal.column("time");
    int n = normal.rows().size();
    int size = n + anomalous.rows().size();
    // The two files are separate recordings (in one case the normal one is the later): the
    // normal rows are moved in time to end one second before the first anomalous row.
    long[] timestamps = new long[size];
    long anomalousStart = anomalous.wholeNumber(0, time);
    long shift = n == 0 ? 0 : anomalousStart - 1 - normal.wholeNumber(n - 1, time);
    for (int r = 0; r < size; r++) {
      timestamps[r] =
          1000 * (r < n ? normal.wholeNumber(r, time) + shift : anomalous.wholeNumber(r - n, time));
    }
    List<MetricSeries> series = new ArrayList<>();
    for (int c = 0; c < normal.header().size(); c++) {
      if (c == time) {
        continue;
      }
      String column = normal.header().get(c);
      double scale = column.endsWith("_mem") ? 1.0 / BYTES_PER_MB : 1.0;
      double[] values = new double[size];
      for (int r = 0; r < size; r++) {
        values[r] = scale * (r < n ? normal.number(r, c) : anomalous.number(r - n, c));
      }
      series.add(new MetricSeries(serviceOf(column), signalOf(column), timestamps, values));
    }
    return new Incident(new CallGraph(), List.of(), series, timestamps[n], Long.MAX_VALUE);
  }

  /** The service of a column: the name before the first {@code _}, without a {@code -db}. */
  static String serviceOf(String column) {
    int underscore = column.indexOf('_');
    String service = underscore < 0 ? column : column.substring(0, underscore);
    return service.endsWith("-db") ? service.substring(0, service.length() - 3) : service;
  }

  private static String signalOf(String column) {
    int underscore = column.indexOf('_');
    String prefix = underscore < 0 ? column : column.substring(0, underscore);
    String metric = underscore < 0 ? "value" : column.substring(underscore + 1);
    return prefix.endsWith("-db") ? "db_" + metric : metric;
  }

  private static List<Path> list(Path dir) {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new InputException(dir + ": cannot list: " + e.getMessage(), e);
    }
  }
}
