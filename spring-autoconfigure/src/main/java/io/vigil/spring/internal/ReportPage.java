package io.vigil.spring.internal;

import java.util.Locale;

/**
 * Renders the report page: one self-contained HTML document with inline CSS and SVG, no script and
 * nothing fetched (its Content-Security-Policy forbids any load); every name is HTML-escaped.
 */
public final class ReportPage {

  private static final String STYLE =
      "body{font-family:system-ui,sans-serif;margin:24px;color:#222;background:#fff}"
          + "h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}"
          + ".summary{color:#555;margin:0 0 16px}"
          + ".node rect{fill:#eef2f7;stroke:#6b7a8f;stroke-width:1.5}"
          + ".node.culprit rect{fill:#fde2e1;stroke:#d62728;stroke-width:3}"
          + ".node text{font-size:12px;text-anchor:middle;fill:#222}"
          + ".node.culprit text{font-weight:bold}"
          + ".plot .frame{fill:none;stroke:#ccc}.plot .band{fill:#9ecae1;opacity:.5}"
          + ".plot .values{fill:none;stroke:#d62728;stroke-width:1.5}"
          + ".plot .axis{font-size:10px;fill:#555}.plot .axis.end{text-anchor:end}"
          + "ol.causes li{margin-bottom:8px}.score{color:#555}";

  private ReportPage() {}

  /** The page for this view. */
  public static String render(PageView view) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"
                + " style-src 'unsafe-inline'\">")
        .append("<title>")
        .append(Html.escape(view.title()))
        .append("</title><style>")
        .append(STYLE)
        .append("</style></head><body><h1>")
        .append(Html.escape(view.title()))
        .append("</h1><p class=\"summary\">")
        .append(Html.escape(view.summary()))
        .append("</p>");
    html.append("<h2>Dependency graph</h2>");
    if (view.graph().services().isEmpty()) {
      html.append("<p class=\"empty\">No calls learned yet.</p>");
    } else {
      html.append(GraphSvg.render(view.graph()));
    }
    html.append("<h2>Likely causes</h2>");
    if (view.causes().isEmpty()) {
      html.append("<p class=\"empty\">No incident reported yet.</p>");
    } else {
      html.append("<ol class=\"causes\">");
      for (PageView.Cause cause : view.causes()) {
        html.append("<li class=\"cause\" data-service=\"")
            .append(Html.escape(cause.service()))
            .append("\"><strong>")
            .append(Html.escape(cause.service()))
            .append("</strong> <span class=\"score\">score ")
            .append(String.format(Locale.ROOT, "%.3f", cause.score()))
            .append("</span>");
        if (!cause.evidence().isEmpty()) {
          html.append("<ul class=\"evidence\">");
          for (String line : cause.evidence()) {
            html.append("<li>").append(Html.escape(line)).append("</li>");
          }
          html.append("</ul>");
        }
        html.append("</li>");
      }
      html.append("</ol>");
    }
    if (!view.plots().isEmpty()) {
      html.append("<h2>Culprit signals against their expected band</h2>");
      for (PageView.Plot plot : view.plots()) {
        html.append("<figure><figcaption>")
            .append(Html.escape(plot.service()))
            .append(" \u00b7 ")
            .append(Html.escape(plot.signal()))
            .append("</figcaption>")
            .append(BandPlotSvg.render(plot))
            .append("</figure>");
      }
    }
    return html.append("</body></html>").toString();
  }
}
