package io.vigil.spring.internal;

import java.time.Instant;
import java.util.Locale;

/**
 * Draws one signal's recent values as a line over its expected band (shaded), as inline SVG, with
 * the value range and the time span written at the edges.
 */
public final class BandPlotSvg {

  static final int WIDTH = 520;
  static final int HEIGHT = 160;
  private static final int PAD = 28;

  private BandPlotSvg() {}

  /** The plot as one {@code <svg>} element. */
  public static String render(PageView.Plot plot) {
    int n = plot.timestamps().length;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      for (double v : new double[] {plot.values()[i], plot.lower()[i], plot.upper()[i]}) {
        if (Double.isFinite(v)) {
          min = Math.min(min, v);
          max = Math.max(max, v);
        }
      }
    }
    StringBuilder svg = new StringBuilder(2048);
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"plot\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
                + " viewBox=\"0 0 %d %d\" data-service=\"%s\" data-signal=\"%s\">"
                + "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>",
            WIDTH,
            HEIGHT,
            WIDTH,
            HEIGHT,
            Html.escape(plot.service()),
            Html.escape(plot.signal()),
            PAD,
            PAD,
            WIDTH - 2 * PAD,
            HEIGHT - 2 * PAD));
    if (n == 0 || min > max) {
      return svg.append("<text x=\"40\" y=\"80\">no values</text></svg>").toString();
    }
    if (max == min) {
      max = min + 1;
    }
    StringBuilder band = new StringBuilder();
    for (int i = 0; i < n; i++) {
      appendPoint(band, plot.upper()[i], i, n, min, max);
    }
    for (int i = n - 1; i >= 0; i--) {
      appendPoint(band, plot.lower()[i], i, n, min, max);
    }
    if (band.length() > 0) {
      svg.append("<polygon class=\"band\" points=\"").append(band).append("\"/>");
    }
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < n; i++) {
      appendPoint(line, plot.values()[i], i, n, min, max);
    }
    svg.append("<polyline class=\"values\" points=\"").append(line).append("\"/>");
    svg.append(
        String.format(
            Locale.ROOT,
            "<text class=\"axis\" x=\"2\" y=\"%d\">%.4g</text><text class=\"axis\" x=\"2\""
                + " y=\"%d\">%.4g</text><text class=\"axis\" x=\"%d\" y=\"%d\">%s</text>"
                + "<text class=\"axis end\" x=\"%d\" y=\"%d\">%s</text></svg>",
            PAD + 4,
            max,
            HEIGHT - PAD + 4,
            min,
            PAD,
            HEIGHT - 4,
            Instant.ofEpochMilli(plot.timestamps()[0]),
            WIDTH - PAD,
            HEIGHT - 4,
            Instant.ofEpochMilli(plot.timestamps()[n - 1])));
    return svg.toString();
  }

  private static void appendPoint(
      StringBuilder points, double v, int i, int n, double min, double max) {
    if (!Double.isFinite(v)) {
      return;
    }
    double x = PAD + (n == 1 ? 0.5 : (double) i / (n - 1)) * (WIDTH - 2 * PAD);
    double y = HEIGHT - PAD - (v - min) / (max - min) * (HEIGHT - 2 * PAD);
    points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
  }
}
