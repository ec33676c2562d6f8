package io.vigil.cli.internal.nab;

import io.vigil.cli.internal.CsvReader;
import io.vigil.cli.internal.Numbers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A detector's result files in NAB's layout: {@code <results>/<detector>/<category>/<detector>_
 * <file>.csv}, one row per data row with an {@code anomaly_score} column.
 */
public final class ResultFiles {

  private ResultFiles() {}

  /** Where NAB keeps a detector's results for one data file. */
  public static Path path(Path results, String detector, NabSeries series) {
    return results
        .resolve(detector)
        .resolve(series.category())
        .resolve(detector + "_" + series.fileName());
  }

  /**
   * Reads a detector's scores for every file of a corpus.
   *
   * @throws io.vigil.cli.internal.InputException naming the file, line and value for a missing
   *     file, a header without {@code anomaly_score}, a score that is not a number, or a row count
   *     that differs from the data file's
   */
  public static Map<String, double[]> read(Path results, String detector, NabCorpus corpus) {
    Map<String, double[]> scores = new LinkedHashMap<>();
    for (NabSeries series : corpus.series()) {
      scores.put(series.key(), read(path(results, detector, series), series.rows()));
    }
    return scores;
  }

  private static double[] read(Path file, int rows) {
    double[] scores = new double[rows];
    int n = 0;
    try (CsvReader csv = CsvReader.open(file, List.of("anomaly_score"))) {
      for (String[] row = csv.next(); row != null; row = csv.next()) {
        if (n == rows) {
          throw csv.error("more rows than the data file's " + rows);
        }
        try {
          scores[n++] = Numbers.parse(row[0]);
        } catch (NumberFormatException e) {
          throw csv.error(0, "anomaly_score '" + row[0] + "' is not a number");
        }
        if (!(scores[n - 1] >= 0 && scores[n - 1] <= 1)) {
          throw csv.error(0, "anomaly_score '" + row[0] + "' is not in [0, 1]");
        }
      }
      if (n != rows) {
        throw csv.error(n + " rows but the data file has " + rows);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return scores;
  }
}
