package io.vigil.spring.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lays a call graph out in layers, server-side: callers left, callees right. A service's layer is
 * the length of the longest caller chain that reaches it (cycles cut after as many rounds as there
 * are services); within a layer, services are ordered by the mean position of their callers, so
 * that edges cross less.
 */
public final class GraphLayout {

  static final int LAYER_WIDTH = 220;
  static final int ROW_HEIGHT = 70;
  static final int MARGIN = 30;

  private final Map<String, double[]> positions = new HashMap<>();
  private final int width;
  private final int height;

  private GraphLayout(GraphView graph) {
    Map<String, Integer> layer = new HashMap<>();
    graph.services().forEach(s -> layer.put(s, 0));
    for (GraphView.Edge e : graph.edges()) {
      layer.putIfAbsent(e.caller(), 0);
      layer.putIfAbsent(e.callee(), 0);
    }
    for (int round = 0; round < layer.size(); round++) {
      boolean changed = false;
      for (GraphView.Edge e : graph.edges()) {
        if (e.caller().equals(e.callee())) {
          continue;
        }
        int wanted = layer.get(e.caller()) + 1;
        if (wanted > layer.get(e.callee()) && wanted < layer.size()) {
          layer.put(e.callee(), wanted);
          changed = true;
        }
      }
      if (!changed) {
        break;
      }
    }
    TreeMap<Integer, List<String>> layers = new TreeMap<>();
    layer.forEach((s, l) -> layers.computeIfAbsent(l, k -> new ArrayList<>()).add(s));
    Map<String, Double> row = new HashMap<>();
    int rows = 0;
    for (List<String> services : layers.values()) {
      services.sort(
          (a, b) -> {
            int byCallers =
                Double.compare(meanCallerRow(graph, a, row), meanCallerRow(graph, b, row));
            return byCallers != 0 ? byCallers : a.compareTo(b);
          });
      for (int i = 0; i < services.size(); i++) {
        row.put(services.get(i), (double) i);
      }
      rows = Math.max(rows, services.size());
    }
    int maxLayer = layers.isEmpty() ? 0 : layers.lastKey();
    layer.forEach(
        (s, l) ->
            positions.put(
                s, new double[] {MARGIN + l * LAYER_WIDTH, MARGIN + row.get(s) * ROW_HEIGHT}));
    this.width = 2 * MARGIN + maxLayer * LAYER_WIDTH + NodeBox.WIDTH;
    this.height = 2 * MARGIN + Math.max(rows - 1, 0) * ROW_HEIGHT + NodeBox.HEIGHT;
  }

  /** Lays this graph out. */
  public static GraphLayout of(GraphView graph) {
    return new GraphLayout(graph);
  }

  /** The top-left corner of a service's box, {x, y}. */
  public double[] position(String service) {
    return positions.get(service).clone();
  }

  /** Every laid-out service, in a stable order (by name). */
  public java.util.List<String> services() {
    return positions.keySet().stream().sorted().toList();
  }

  /** The drawing's width in pixels. */
  public int width() {
    return width;
  }

  /** The drawing's height in pixels. */
  public int height() {
    return height;
  }

  private static double meanCallerRow(GraphView graph, String service, Map<String, Double> row) {
    double sum = 0;
    int n = 0;
    for (GraphView.Edge e : graph.edges()) {
      Double r = e.callee().equals(service) ? row.get(e.caller()) : null;
      if (r != null) {
        sum += r;
        n++;
      }
    }
    return n == 0 ? Double.MAX_VALUE : sum / n;
  }

  /** The size of a service's box. */
  static final class NodeBox {
    static final int WIDTH = 160;
    static final int HEIGHT = 36;

    private NodeBox() {}
  }
}
