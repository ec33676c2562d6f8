package io.vigil.cli.internal.rca;

import io.vigil.cli.internal.InputException;
import io.vigil.cli.internal.JsonFile;
import io.vigil.cli.internal.traces.DayTraces;
import io.vigil.rca.CallGraph;
import io.vigil.rca.Incident;
import io.vigil.rca.MetricSeries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The Nezha layout: under any day directory, {@code <day>-fault_list.json} (faults by hour, each
 * with {@code inject_time}, {@code inject_pod}, {@code inject_type}), {@code
 * metric/<pod>_metric.csv} (per-pod metrics every minute; time from the {@code Time} text, UTC),
 * {@code metric/dependency.csv} (the call graph as {@code Source,Target}) and optionally {@code
 * metric/source_50.csv} and {@code destination_50.csv} (per-edge latency in columns named {@code
 * caller_callee}, each read as a signal of the callee).
 *
 * <p>Windows, chosen so that no window sees another fault: the anomalous window of a fault runs
 * from its {@code inject_time} for {@link #ANOMALOUS_MILLIS} or until the next fault, whichever is
 * first. Its normal window is the {@link #HISTORY_MILLIS} before {@code inject_time}, less every
 * earlier fault's anomalous window. The root cause is the injected pod's service (the pod name
 * without its two last dash-separated parts).
 */
final class NezhaDataset {

  /** Length of a fault's anomalous window. */
  static final long ANOMALOUS_MILLIS = 5 * 60_000L;

  /** How far back the normal window reaches. */
  static final long HISTORY_MILLIS = 60 * 60_000L;

  /** Step of the signals learned from spans. */
  static final Duration TRACE_STEP = Duration.ofSeconds(10);

  /** How far back the normal window of span-derived signals reaches. */
  static final long TRACE_HISTORY_MILLIS = 4 * 60 * 60_000L;

  /** Minutes from a fault's injection whose spans the dataset keeps. */
  static final int TRACED_MINUTES = 3;

  /** The row of the faults none of whose traced minutes kept spans. */
  static final String NO_TRACE_GROUP = "no-trace-minutes";

  private static final DateTimeFormatter INJECT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final Set<String> NOT_METRICS = Set.of("Time", "TimeStamp", "PodName");

  private NezhaDataset() {}

  /** Every fault of every day found under {@code root} (a day directory or any parent of days). */
  static List<EvalCase> load(Path root, SignalSource signals) {
    List<Path> faultLists = faultLists(root);
    if (faultLists.isEmpty()) {
      throw new InputException(root + ": no <day>-fault_list.json found");
    }
    List<EvalCase> cases = new ArrayList<>();
    for (Path faultList : faultLists) {
      cases.addAll(loadDay(faultList, signals));
    }
    return cases;
  }

  static List<EvalCase> loadDay(Path faultList, SignalSource signals) {
    Path metricDir = faultList.resolveSibling("metric");
    List<Fault> faults = faults(faultList);
    Map<String, List<MetricSeries>> seriesByService = series(metricDir);
    CallGraph graph = graph(metricDir.resolve("dependency.csv"), seriesByService.keySet());
    if (!signals.metrics()) {
      seriesByService = Map.of();
    }
    DayTraces traces =
        signals.traces()
            ? DayTraces.replay(
                faultList.resolveSibling("trace"),
                day(faultList),
                TRACE_STEP,
                NezhaDataset::serviceOfPod)
            : new DayTraces(Set.of(), Map.of());
    List<EvalCase> cases = new ArrayList<>();
    for (int i = 0; i < faults.size(); i++) {
      Fault fault = faults.get(i);
      long start = fault.timeMillis();
      long end = start + ANOMALOUS_MILLIS;
      if (i + 1 < faults.size()) {
        end = Math.min(end, faults.get(i + 1).timeMillis() - 1);
      }
      List<long[]> excluded = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        long s = faults.get(j).timeMillis();
        excluded.add(new long[] {s, s + ANOMALOUS_MILLIS});
      }
      List<MetricSeries> windowed = new ArrayList<>();
      for (List<MetricSeries> list : seriesByService.values()) {
        for (MetricSeries s : list) {
          windowed.add(window(s, start - HISTORY_MILLIS, end, excluded));
        }
      }
      for (List<MetricSeries> list : traces.series().values()) {
        for (MetricSeries s : list) {
          // Spans were kept only around faults: every earlier recorded minute is the normal window.
          windowed.add(window(s, start - TRACE_HISTORY_MILLIS, end, List.of()));
        }
      }
      boolean traced = traces.covers(start, TRACED_MINUTES);
      cases.add(
          new EvalCase(
              faultList.getFileName() + "#" + i + " " + fault.pod(),
              fault.type(),
              serviceOfPod(fault.pod()),
              new Incident(graph, List.of(), windowed, start, end),
              signals.traces() && !traced ? NO_TRACE_GROUP : ""));
    }
    return cases;
  }

  /** The day a fault list belongs to, from its name {@code <yyyy-MM-dd>-fault_list.json}. */
  private static LocalDate day(Path faultList) {
    String name = faultList.getFileName().toString();
    String text = name.substring(0, name.length() - "-fault_list.json".length());
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InputException(faultList + ": name does not start with a yyyy-MM-dd day");
    }
  }

  /** The service of a pod: {@code frontend-579b9bff58-t2dbm} is {@code frontend}. */
  static String serviceOfPod(String pod) {
    String[] parts = pod.split("-");
    if (parts.length < 3) {
      return pod;
    }
    return String.join("-", java.util.Arrays.copyOf(parts, parts.length - 2));
  }

  record Fault(long timeMillis, String pod, String type) {}

  static List<Fault> faults(Path file) {
    JsonFile json = JsonFile.read(file);
    JsonNode root = json.root();
    if (root == null || !root.isObject()) {
      throw json.bad("$", "{\"<hour>\": [{\"inject_time\", \"inject_pod\", \"inject_type\"}]}");
    }
    List<Fault> faults = new ArrayList<>();
    for (Map.Entry<String, JsonNode> hour : root.properties()) {
      String hourPath = JsonFile.child("$", hour.getKey());
      if (!hour.getValue().isArray()) {
        throw json.bad(hourPath, "a list of faults");
      }
      int k = 0;
      for (JsonNode f : hour.getValue().values()) {
        String path = hourPath + "[" + k++ + "]";
        faults.add(
            new Fault(
                injectTime(json, path, f),
                text(json, path, f, "inject_pod"),
                text(json, path, f, "inject_type")));
      }
    }
    faults.sort(Comparator.comparingLong(Fault::timeMillis));
    return faults;
  }

  private static long injectTime(JsonFile json, String path, JsonNode fault) {
    String text = text(json, path, fault, "inject_time");
    try {
      return LocalDateTime.parse(text, INJECT_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw json.bad(path + ".inject_time", "yyyy-MM-dd HH:mm:ss, not '" + text + "'");
    }
  }

  private static String text(JsonFile json, String path, JsonNode node, String field) {
    JsonNode value = node.isObject() ? node.get(field) : null;
    if (value == null || !value.isString()) {
      throw json.bad(path + "." + field, "a string");
    }
    return value.asString();
  }

  static Map<String, List<MetricSeries>> series(Path metricDir) {
    Map<String, List<MetricSeries>> byService = new TreeMap<>();
    for (Path file : list(metricDir)) {
      String name = file.getFileName().toString();
      if (!name.endsWith("_metric.csv")) {
        continue;
      }
      String service = serviceOfPod(name.substring(0, name.length() - "_metric.csv".length()));
      CsvTable table = CsvTable.read(file);
      // The Time text is the truth: the TimeStamp column has corrupted values (1861141359 for
      // 2022-08-22 04:09:19, and out-of-order ones) in the published files.
      long[] timestamps = rowTimes(table, table.column("Time"));
      int n = timestamps.length;
      for (int c = 0; c < table.header().size(); c++) {
        String column = table.header().get(c);
        if (NOT_METRICS.contains(column) || skipped(column)) {
          continue;
        }
        double[] values = new double[n];
        for (int r = 0; r < n; r++) {
          values[r] = table.number(r, c);
        }
        byService
            .computeIfAbsent(service, s -> new ArrayList<>())
            .add(new MetricSeries(service, column, timestamps, values));
      }
    }
    if (byService.isEmpty()) {
      throw new InputException(metricDir + ": no <pod>_metric.csv files");
    }
    // Per-edge latencies, measured at the caller (source) and at the callee (destination).
    for (String name : List.of("source_50.csv", "destination_50.csv")) {
      Path file = metricDir.resolve(name);
      if (Files.isRegularFile(file)) {
        addEdgeLatencies(CsvTable.read(file), name.substring(0, name.indexOf('_')), byService);
      }
    }
    return byService;
  }

  private static long rowTime(CsvTable table, int row, int column) {
    String text = table.rows().get(row)[column];
    try {
      return LocalDateTime.parse(text.substring(0, Math.min(19, text.length())), INJECT_TIME)
          .toInstant(ZoneOffset.UTC)
          .toEpochMilli();
    } catch (DateTimeParseException e) {
      throw table.error(row, column, "Time '" + text + "' does not start with yyyy-MM-dd HH:mm:ss");
    }
  }

  /** Every row's time, read from the given column's text. */
  private static long[] rowTimes(CsvTable table, int timeColumn) {
    long[] timestamps = new long[table.rows().size()];
    for (int r = 0; r < timestamps.length; r++) {
      timestamps[r] = rowTime(table, r, timeColumn);
    }
    return timestamps;
  }

  /**
   * Per-edge latency columns named {@code caller_callee}: each becomes a signal of the callee, the
   * service whose answers the caller waits for.
   */
  private static void addEdgeLatencies(
      CsvTable table, String side, Map<String, List<MetricSeries>> byService) {
    long[] timestamps = rowTimes(table, table.column("time"));
    int n = timestamps.length;
    for (int c = 0; c < table.header().size(); c++) {
      String column = table.header().get(c);
      int underscore = column.indexOf('_');
      if (underscore <= 0 || !byService.containsKey(column.substring(underscore + 1))) {
        continue;
      }
      String callee = column.substring(underscore + 1);
      double[] values = new double[n];
      for (int r = 0; r < n; r++) {
        values[r] = table.number(r, c);
      }
      byService
          .get(callee)
          .add(
              new MetricSeries(
                  callee,
                  side + "Latency(" + column.substring(0, underscore) + "->" + callee + ")",
                  timestamps,
                  values));
    }
  }

  /**
   * Columns left out of a pod's evidence: {@code Node*} describe the host the pod runs on, shared
   * with other pods; {@code PodClientLatency*} is the time a pod waits on its callees, evidence
   * about those callees (which the per-edge latencies attribute to them), not about the pod.
   */
  static boolean skipped(String column) {
    return column.startsWith("Node") || column.startsWith("PodClientLatency");
  }

  static CallGraph graph(Path dependencies, Set<String> services) {
    CallGraph graph = new CallGraph();
    services.forEach(graph::addService);
    if (!Files.isRegularFile(dependencies)) {
      return graph;
    }
    CsvTable table = CsvTable.read(dependencies);
    int source = table.column("Source");
    int target = table.column("Target");
    for (String[] row : table.rows()) {
      if (services.contains(row[source]) && services.contains(row[target])) {
        graph.addEdge(row[source], row[target]);
      }
    }
    return graph;
  }

  private static MetricSeries window(MetricSeries s, long from, long to, List<long[]> excluded) {
    int lo = s.indexAtOrAfter(from);
    int hi = s.indexAtOrAfter(to + 1);
    List<Integer> keep = new ArrayList<>();
    for (int i = lo; i < hi; i++) {
      long t = s.timestamps()[i];
      boolean inFault = excluded.stream().anyMatch(w -> t >= w[0] && t <= w[1]);
      if (!inFault) {
        keep.add(i);
      }
    }
    long[] ts = new long[keep.size()];
    double[] vs = new double[keep.size()];
    for (int k = 0; k < keep.size(); k++) {
      ts[k] = s.timestamps()[keep.get(k)];
      vs[k] = s.values()[keep.get(k)];
    }
    return new MetricSeries(s.service(), s.signal(), ts, vs);
  }

  private static List<Path> faultLists(Path root) {
    try (Stream<Path> files = Files.walk(root, 4)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-fault_list.json"))
          .filter(p -> Files.isDirectory(p.resolveSibling("metric")))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new InputException(root + ": cannot list: " + e.getMessage(), e);
    }
  }

  private static List<Path> list(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InputException(dir + ": not a directory, expected the day's metric files");
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      throw new InputException(dir + ": cannot list: " + e.getMessage(), e);
    }
  }
}
