package io.vigil.cli.internal.nab;

import io.vigil.cli.internal.InputException;
import io.vigil.cli.internal.SeriesReader;
import io.vigil.cli.internal.SeriesRow;
import io.vigil.cli.internal.Timestamps;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A corpus in NAB's layout: {@code data/<category>/<file>.csv} ({@code timestamp,value}), {@code
 * labels/combined_windows.json} and, optionally, {@code config/profiles.json} (NAB's three profiles
 * otherwise).
 *
 * @param dir the corpus directory
 * @param series every data file with its windows, sorted by key
 * @param profiles the cost profiles to score with
 */
public record NabCorpus(Path dir, List<NabSeries> series, List<NabProfile> profiles) {

  /** Copies the lists. */
  public NabCorpus {
    series = List.copyOf(series);
    profiles = List.copyOf(profiles);
  }

  /**
   * Loads a corpus directory.
   *
   * @throws InputException naming the file and value when the corpus is incomplete or malformed: a
   *     data file without labels, a label for a missing file, a window whose timestamp is not a row
   *     of its file
   */
  public static NabCorpus load(Path dir) {
    ObjectMapper json = JsonMapper.builder().build();
    Path labels = dir.resolve("labels/combined_windows.json");
    if (!Files.isRegularFile(labels)) {
      throw new InputException(labels + ": no such file; expected a corpus in NAB's layout");
    }
    Map<String, JsonNode> windows = readWindows(labels, json);
    Path profilesFile = dir.resolve("config/profiles.json");
    List<NabProfile> profiles =
        Files.isRegularFile(profilesFile)
            ? NabProfile.load(profilesFile, json)
            : NabProfile.defaults();
    List<NabSeries> series = new ArrayList<>();
    for (String key : dataFiles(dir.resolve("data"))) {
      JsonNode limits = windows.remove(key);
      if (limits == null) {
        throw new InputException(labels + ": no windows for data file '" + key + "'");
      }
      series.add(readSeries(dir.resolve("data").resolve(key), key, limits, labels));
    }
    if (!windows.isEmpty()) {
      throw new InputException(labels + ": windows for files not under data/: " + windows.keySet());
    }
    return new NabCorpus(dir, series, profiles);
  }

  /** The data file of a series. */
  public Path dataFile(NabSeries s) {
    return dir.resolve("data").resolve(s.key());
  }

  /** How many windows the labels hold: the number of detections a perfect detector makes. */
  public int windowCount() {
    return series.stream().mapToInt(s -> s.windows().size()).sum();
  }

  private static Map<String, JsonNode> readWindows(Path labels, ObjectMapper json) {
    JsonNode root;
    try {
      root = json.readTree(labels.toFile());
    } catch (JacksonException e) {
      throw new InputException(labels + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (!root.isObject()) {
      throw new InputException(labels + ": expected {\"category/file.csv\": [[start, end], ..]}");
    }
    Map<String, JsonNode> windows = new LinkedHashMap<>();
    root.properties().forEach(e -> windows.put(e.getKey(), e.getValue()));
    return windows;
  }

  private static List<String> dataFiles(Path data) {
    if (!Files.isDirectory(data)) {
      throw new InputException(data + ": no such directory; expected data/<category>/<file>.csv");
    }
    try (Stream<Path> files = Files.walk(data, 2)) {
      return files
          .filter(p -> p.getNameCount() == data.getNameCount() + 2)
          .filter(p -> p.getFileName().toString().endsWith(".csv") && Files.isRegularFile(p))
          .map(p -> data.relativize(p).toString().replace('\\', '/'))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static NabSeries readSeries(Path file, String key, JsonNode limits, Path labels) {
    List<Long> timestamps = new ArrayList<>();
    try (SeriesReader reader = SeriesReader.open(file)) {
      for (SeriesRow row = reader.next(); row != null; row = reader.next()) {
        timestamps.add(row.timestampMillis());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<NabWindow> windows = new ArrayList<>();
    for (JsonNode limit : limits) {
      if (limit.size() != 2) {
        throw new InputException(
            labels + ": " + key + ": window " + limit + " is not [start, end]");
      }
      int start = indexOf(timestamps, limit.get(0), key, labels);
      int end = indexOf(timestamps, limit.get(1), key, labels);
      if (end < start) {
        throw new InputException(
            labels + ": " + key + ": window " + limit + " ends before it starts");
      }
      windows.add(new NabWindow(start, end));
    }
    try {
      return new NabSeries(key, timestamps.size(), windows);
    } catch (IllegalArgumentException e) {
      throw new InputException(labels + ": " + e.getMessage(), e);
    }
  }

  /** NAB requires window limits to be timestamps of the file; its sweep takes the first match. */
  private static int indexOf(List<Long> timestamps, JsonNode limit, String key, Path labels) {
    long millis;
    try {
      millis = Timestamps.parseMillis(limit.asString());
    } catch (DateTimeException e) {
      throw new InputException(
          labels + ": " + key + ": window limit " + limit + " is not " + Timestamps.EXPECTED);
    }
    int index = timestamps.indexOf(millis);
    if (index < 0) {
      throw new InputException(
          labels + ": " + key + ": window limit " + limit + " is not a timestamp of the file");
    }
    return index;
  }
}
