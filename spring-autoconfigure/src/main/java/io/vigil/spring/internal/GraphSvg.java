package io.vigil.spring.internal;

import java.util.Locale;

/**
 * Draws a {@link GraphView} as inline SVG: a box per service ({@code <g class="node"
 * data-service="...">}, with {@code culprit} added for the cause), an arrow per call edge whose
 * width grows with the log of its calls and whose colour goes from grey to red with its error
 * ratio.
 */
public final class GraphSvg {

  private GraphSvg() {}

  /** The graph as one {@code <svg>} element. */
  public static String render(GraphView graph) {
    GraphLayout layout = GraphLayout.of(graph);
    StringBuilder svg = new StringBuilder(4096);
    svg.append(
            String.format(
                Locale.ROOT,
                "<svg class=\"graph\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\""
                    + " height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
                layout.width(),
                layout.height(),
                layout.width(),
                layout.height()))
        .append(
            "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
                + " markerUnits=\"userSpaceOnUse\" markerWidth=\"10\" markerHeight=\"10\""
                + " orient=\"auto-start-reverse\">"
                + "<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>");
    long maxCalls = 1;
    for (GraphView.Edge e : graph.edges()) {
      maxCalls = Math.max(maxCalls, e.calls());
    }
    for (GraphView.Edge e : graph.edges()) {
      edge(svg, layout, e, maxCalls);
    }
    for (String service : layout.services()) {
      node(svg, layout, service, graph.culprits().contains(service));
    }
    return svg.append("</svg>").toString();
  }

  private static void edge(StringBuilder svg, GraphLayout layout, GraphView.Edge e, long maxCalls) {
    double[] from = layout.position(e.caller());
    double[] to = layout.position(e.callee());
    double x1 = from[0] + GraphLayout.NodeBox.WIDTH;
    double y1 = from[1] + GraphLayout.NodeBox.HEIGHT / 2.0;
    double x2 = to[0];
    double y2 = to[1] + GraphLayout.NodeBox.HEIGHT / 2.0;
    if (to[0] <= from[0]) {
      // A call back to an earlier layer, or within one: from the bottom edge to the bottom edge.
      x1 = from[0] + GraphLayout.NodeBox.WIDTH / 2.0;
      y1 = from[1] + GraphLayout.NodeBox.HEIGHT;
      x2 = to[0] + GraphLayout.NodeBox.WIDTH / 2.0;
      y2 = to[1] + GraphLayout.NodeBox.HEIGHT;
    }
    double width = 1 + 5 * Math.log1p(e.calls()) / Math.log1p(maxCalls);
    double errorRatio = e.calls() == 0 ? 0 : Math.min(1.0, (double) e.errors() / e.calls());
    svg.append(
        String.format(
            Locale.ROOT,
            "<g class=\"edge\" data-caller=\"%s\" data-callee=\"%s\"><title>%s \u2192 %s: %d"
                + " calls, %d errors</title><line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\""
                + " stroke=\"%s\" stroke-width=\"%.2f\" marker-end=\"url(#arrow)\"/></g>",
            Html.escape(e.caller()),
            Html.escape(e.callee()),
            Html.escape(e.caller()),
            Html.escape(e.callee()),
            e.calls(),
            e.errors(),
            x1,
            y1,
            x2,
            y2,
            errorColour(errorRatio),
            width));
  }

  private static void node(StringBuilder svg, GraphLayout layout, String service, boolean culprit) {
    double[] p = layout.position(service);
    String label = service.length() > 22 ? service.substring(0, 21) + "\u2026" : service;
    svg.append(
        String.format(
            Locale.ROOT,
            "<g class=\"node%s\" data-service=\"%s\"><title>%s</title><rect x=\"%.1f\" y=\"%.1f\""
                + " width=\"%d\" height=\"%d\" rx=\"6\"/><text x=\"%.1f\" y=\"%.1f\">%s</text></g>",
            culprit ? " culprit" : "",
            Html.escape(service),
            Html.escape(service),
            p[0],
            p[1],
            GraphLayout.NodeBox.WIDTH,
            GraphLayout.NodeBox.HEIGHT,
            p[0] + GraphLayout.NodeBox.WIDTH / 2.0,
            p[1] + GraphLayout.NodeBox.HEIGHT / 2.0 + 5,
            Html.escape(label)));
  }

  /** Grey at no errors to red at all errors. */
  static String errorColour(double ratio) {
    int r = (int) Math.round(136 + (214 - 136) * ratio);
    int g = (int) Math.round(136 - (136 - 39) * ratio);
    int b = (int) Math.round(136 - (136 - 40) * ratio);
    return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }
}
