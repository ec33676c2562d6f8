package io.vigil.cli.internal.nab;

import io.vigil.cli.internal.InputException;
import io.vigil.cli.internal.JsonFile;
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
import tools.jackson.databind.JsonNode;

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
    Path labels = dir.resolve("labels/combined_windows.json");
    if (!Files.isRegularFile(labels)) {
      throw new InputException(labels + ": no such file; expected a corpus in NAB's layout");
    }
    JsonFile json = JsonFile.read(labels);
    Map<String, JsonNode> windows = readWindows(json, labels);
    Path profilesFile = dir.resolve("config/profiles.json");
    List<NabProfile> profiles =
        Files.isRegularFile(profilesFile) ? NabProfile.load(profilesFile) : NabProfile.defaults();
    List<String> keys = dataFiles(dir.resolve("data"));
    if (keys.isEmpty()) {
      throw new InputException(
          dir.resolve("data") + ": no data files; expected data/<category>/<file>.csv");
    }
    List<NabSeries> series = new ArrayList<>();
    for (String key : keys) {
      if (!windows.containsKey(key)) {
        throw new InputException(labels + ": no windows for data file '" + key + "'");
      }
      series.add(readSeries(dir.resolve("data").resolve(key), key, json));
      windows.remove(key);
    }
    if (!windows.isEmpty()) {
      throw new InputException(labels + ": windows for files not under data/: " + windows.keySet());
    }
    NabCorpus corpus = new NabCorpus(dir, series, profiles);
    if (corpus.windowCount() == 0) {
      throw new InputException(
          labels + ": no windows in any file; NAB's normalised score needs at least one");
    }
    return corpus;
  }

  /** The data file of a series. */
  public Path dataFile(NabSeries s) {
    return dir.resolve("data").resolve(s.key());
  }

  /** How many windows the labels hold: the number of detections a perfect detector makes. */
  public int windowCount() {
    return series.stream().mapToInt(s -> s.windows().size()).sum();
  }

  private static Map<String, JsonNode> readWindows(JsonFile json, Path labels) {
    JsonNode root = json.root();
    if (root == null || !root.isObject()) {
      throw json.bad("$", "{\"category/file.csv\": [[start, end], ..]}");
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

  private static NabSeries readSeries(Path file, String key, JsonFile json) {
    List<Long> timestamps = new ArrayList<>();
    try (SeriesReader reader = SeriesReader.open(file)) {
      for (SeriesRow row = reader.next(); row != null; row = reader.next()) {
        timestamps.add(row.timestampMillis());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String path = JsonFile.child("$", key);
    JsonNode limits = json.root().get(key);
    if (!limits.isArray()) {
      throw json.bad(path, "a list of [start, end] windows, not " + limits);
    }
    List<NabWindow> windows = new ArrayList<>();
    for (int i = 0; i < limits.size(); i++) {
      JsonNode limit = limits.get(i);
      String at = path + "[" + i + "]";
      if (!limit.isArray() || limit.size() != 2) {
        throw json.bad(at, "a window [start, end], not " + limit);
      }
      int start = indexOf(timestamps, limit.get(0), at + "[0]", json);
      int end = indexOf(timestamps, limit.get(1), at + "[1]", json);
      if (end < start) {
        throw json.error(at, "window " + limit + " ends before it starts");
      }
      windows.add(new NabWindow(start, end));
    }
    try {
      return new NabSeries(key, timestamps.size(), windows);
    } catch (IllegalArgumentException e) {
      throw json.error(path, e.getMessage());
    }
  }

  /** NAB requires window limits to be timestamps of the file; its sweep takes the first match. */
  private static int indexOf(List<Long> timestamps, JsonNode limit, String path, JsonFile json) {
    long millis;
    try {
      if (!limit.isString()) {
        throw new DateTimeException("not a string");
      }
      millis = Timestamps.parseMillis(limit.asString());
    } catch (DateTimeException e) {
      throw json.bad(path, "a timestamp string, " + Timestamps.EXPECTED + ", not " + limit);
    }
    int index = timestamps.indexOf(millis);
    if (index < 0) {
      throw json.error(path, "window limit " + limit + " is not a timestamp of the file");
    }
    return index;
  }
}
