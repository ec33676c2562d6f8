package io.vigil.cli.internal.rca;

import io.vigil.cli.internal.InputException;
import io.vigil.cli.internal.JsonFile;
import io.vigil.rca.Anomaly;
import io.vigil.rca.CallGraph;
import io.vigil.rca.Incident;
import io.vigil.rca.MetricSeries;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Reads an incident file (schema in docs/rca.md): {@code graph.edges} as {@code {caller, callee}},
 * {@code anomalies} (or {@code alerts}) as {@code {service, signal, onset, magnitude}}, optional
 * {@code series} as {@code {service, signal, timestamps, values}}, optional {@code start} and
 * {@code end}. Times are ISO-8601 instants or epoch milliseconds. Every error names the JSON path
 * of the bad field.
 */
final class IncidentFile {

  private static final List<String> TOP =
      List.of("graph", "anomalies", "alerts", "series", "start", "end");
  private static final List<String> GRAPH = List.of("services", "edges");
  private static final List<String> EDGE = List.of("caller", "callee");
  private static final List<String> ANOMALY = List.of("service", "signal", "onset", "magnitude");
  private static final List<String> SERIES = List.of("service", "signal", "timestamps", "values");

  private final JsonFile json;

  private IncidentFile(JsonFile json) {
    this.json = json;
  }

  /**
   * Reads an incident file.
   *
   * @throws InputException naming the file, line, column and JSON path of a bad or unknown field,
   *     or a graph past {@link CallGraph}'s caps
   */
  static Incident read(Path file) {
    return new IncidentFile(JsonFile.read(file)).incident();
  }

  private Incident incident() {
    JsonNode root = json.root();
    if (root == null || !root.isObject()) {
      throw bad("$", "a JSON object");
    }
    json.onlyKeys(root, "$", TOP);
    CallGraph graph = graph(root.get("graph"));
    List<Anomaly> anomalies = new ArrayList<>();
    for (String key : List.of("anomalies", "alerts")) {
      JsonNode list = root.get(key);
      if (list == null) {
        continue;
      }
      array(list, "$." + key);
      int i = 0;
      for (JsonNode a : list.values()) {
        anomalies.add(anomaly(a, "$." + key + "[" + i++ + "]"));
      }
    }
    List<MetricSeries> series = new ArrayList<>();
    JsonNode seriesNode = root.get("series");
    if (seriesNode != null) {
      array(seriesNode, "$.series");
      int i = 0;
      for (JsonNode s : seriesNode.values()) {
        series.add(series(s, "$.series[" + i++ + "]"));
      }
    }
    long start;
    if (root.has("start")) {
      start = time(root.get("start"), "$.start");
    } else if (!anomalies.isEmpty()) {
      start = anomalies.stream().mapToLong(Anomaly::onsetMillis).min().getAsLong();
    } else if (series.isEmpty()) {
      start = 0L;
    } else {
      throw bad("$.start", "a time: with series and no anomalies, the start of the incident");
    }
    long end = root.has("end") ? time(root.get("end"), "$.end") : Long.MAX_VALUE;
    if (end < start) {
      throw bad("$.end", "a time at or after $.start");
    }
    return new Incident(graph, anomalies, series, start, end);
  }

  private CallGraph graph(JsonNode node) {
    CallGraph graph = new CallGraph();
    if (node == null) {
      return graph;
    }
    if (!node.isObject()) {
      throw bad("$.graph", "an object with \"edges\"");
    }
    json.onlyKeys(node, "$.graph", GRAPH);
    JsonNode services = node.get("services");
    if (services != null) {
      array(services, "$.graph.services");
      int i = 0;
      for (JsonNode s : services.values()) {
        graph.addService(text(s, "$.graph.services[" + i++ + "]"));
      }
    }
    JsonNode edges = node.get("edges");
    if (edges != null) {
      array(edges, "$.graph.edges");
      int i = 0;
      for (JsonNode e : edges.values()) {
        String path = "$.graph.edges[" + i++ + "]";
        object(e, path);
        json.onlyKeys(e, path, EDGE);
        graph.addEdge(field(e, path, "caller"), field(e, path, "callee"));
      }
    }
    if (graph.dropped() > 0) {
      throw json.error(
          "$.graph",
          graph.dropped()
              + " services or edges past the cap of "
              + CallGraph.DEFAULT_MAX_SERVICES
              + " services and "
              + CallGraph.DEFAULT_MAX_EDGES
              + " edges; split the incident");
    }
    return graph;
  }

  private Anomaly anomaly(JsonNode node, String path) {
    object(node, path);
    json.onlyKeys(node, path, ANOMALY);
    double magnitude = 1.0;
    if (node.has("magnitude")) {
      JsonNode m = node.get("magnitude");
      if (!m.isNumber() || !(m.asDouble() >= 0) || Double.isInfinite(m.asDouble())) {
        throw bad(path + ".magnitude", "a finite number >= 0");
      }
      magnitude = m.asDouble();
    }
    String signal = node.has("signal") ? field(node, path, "signal") : "alert";
    return new Anomaly(
        field(node, path, "service"), signal, time(node.get("onset"), path + ".onset"), magnitude);
  }

  private MetricSeries series(JsonNode node, String path) {
    object(node, path);
    json.onlyKeys(node, path, SERIES);
    JsonNode ts = node.get("timestamps");
    JsonNode vs = node.get("values");
    array(ts, path + ".timestamps");
    array(vs, path + ".values");
    if (ts.size() != vs.size()) {
      throw bad(path + ".values", ts.size() + " values, one per timestamp, but found " + vs.size());
    }
    long[] timestamps = new long[ts.size()];
    double[] values = new double[vs.size()];
    for (int i = 0; i < timestamps.length; i++) {
      timestamps[i] = time(ts.get(i), path + ".timestamps[" + i + "]");
      if (i > 0 && timestamps[i] < timestamps[i - 1]) {
        throw bad(path + ".timestamps[" + i + "]", "timestamps in ascending order");
      }
      JsonNode v = vs.get(i);
      if (v.isNull()) {
        values[i] = Double.NaN;
      } else if (v.isNumber()) {
        values[i] = v.asDouble();
      } else {
        throw bad(path + ".values[" + i + "]", "a number or null");
      }
    }
    return new MetricSeries(
        field(node, path, "service"), field(node, path, "signal"), timestamps, values);
  }

  private long time(JsonNode node, String path) {
    if (node == null) {
      throw bad(path, "a time (ISO-8601 instant or epoch milliseconds), but it is missing");
    }
    if (node.isIntegralNumber()) {
      if (!node.canConvertToLong()) {
        throw bad(path, "epoch milliseconds within a 64-bit integer, not " + node);
      }
      return node.asLong();
    }
    if (node.isString()) {
      try {
        return Instant.parse(node.asString()).toEpochMilli();
      } catch (DateTimeParseException e) {
        throw bad(
            path,
            "an ISO-8601 instant such as 2024-05-01T10:00:00Z, not \"" + node.asString() + "\"");
      }
    }
    throw bad(path, "an ISO-8601 instant or epoch milliseconds");
  }

  private String field(JsonNode node, String path, String name) {
    object(node, path);
    return text(node.get(name), path + "." + name);
  }

  private String text(JsonNode node, String path) {
    if (node == null || !node.isString() || node.asString().isBlank()) {
      throw bad(path, "a non-empty string");
    }
    return node.asString();
  }

  private void object(JsonNode node, String path) {
    if (node == null || !node.isObject()) {
      throw bad(path, "an object");
    }
  }

  private void array(JsonNode node, String path) {
    if (node == null || !node.isArray()) {
      throw bad(path, "an array");
    }
  }

  private InputException bad(String path, String expected) {
    return json.bad(path, expected);
  }
}
