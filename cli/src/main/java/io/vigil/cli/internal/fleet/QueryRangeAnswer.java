package io.vigil.cli.internal.fleet;

import io.vigil.cli.internal.InputException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a {@code query_range} answer: a matrix of series, or the backend's error. */
final class QueryRangeAnswer {

  /** Most series one query may answer; past it the query is too broad to rank on. */
  static final int MAX_SERIES = 100_000;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private QueryRangeAnswer() {}

  static List<PromSeries> parse(InputStream body, int httpStatus, String what) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw new InputException(
          "the metrics backend at "
              + what
              + " answered HTTP "
              + httpStatus
              + " with no Prometheus API answer (is the URL the API root?): "
              + e.getOriginalMessage());
    }
    String status = root.path("status").asString("");
    if (!status.equals("success")) {
      throw new InputException(
          "the metrics backend at "
              + what
              + " answered HTTP "
              + httpStatus
              + (status.equals("error")
                  ? ": "
                      + root.path("errorType").asString("")
                      + ": "
                      + root.path("error").asString("")
                  : " with status '" + status + "'"));
    }
    JsonNode data = root.path("data");
    String type = data.path("resultType").asString("");
    if (!type.equals("matrix")) {
      throw new InputException(
          "the metrics backend at " + what + " answered a '" + type + "', expected a matrix");
    }
    JsonNode result = data.path("result");
    if (result.size() > MAX_SERIES) {
      throw new InputException(
          "the query at "
              + what
              + " matched "
              + result.size()
              + " series, more than the limit of "
              + MAX_SERIES);
    }
    List<PromSeries> series = new ArrayList<>(result.size());
    for (JsonNode s : result) {
      series.add(series(s, what));
    }
    return series;
  }

  private static PromSeries series(JsonNode node, String what) {
    Map<String, String> labels = new LinkedHashMap<>();
    node.path("metric").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
    JsonNode values = node.path("values");
    long[] timestamps = new long[values.size()];
    double[] points = new double[values.size()];
    for (int i = 0; i < values.size(); i++) {
      JsonNode pair = values.get(i);
      if (!pair.isArray() || pair.size() != 2) {
        throw new InputException(
            "the metrics backend at " + what + " answered a malformed point: " + pair);
      }
      timestamps[i] = Math.round(pair.get(0).asDouble() * 1000.0);
      points[i] = number(pair.get(1).asString(), what);
    }
    return new PromSeries(labels, timestamps, points);
  }

  private static double number(String text, String what) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> {
        try {
          yield Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new InputException(
              "the metrics backend at " + what + " answered '" + text + "', expected a number");
        }
      }
    };
  }
}
