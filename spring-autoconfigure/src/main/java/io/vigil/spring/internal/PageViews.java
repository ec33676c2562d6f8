package io.vigil.spring.internal;

import io.vigil.spring.RecentAnomalies;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Builds the report page's view from what the application has. */
public final class PageViews {

  private PageViews() {}

  /** The page before any incident report: the service and how many anomalies were seen. */
  public static PageView noReport(String service, @Nullable RecentAnomalies anomalies) {
    int seen = anomalies == null ? 0 : anomalies.events().size();
    String summary =
        "No incident report yet" + (anomalies == null ? "." : "; " + seen + " recent anomalies.");
    return new PageView(
        "Vigil \u00b7 " + service,
        summary,
        new GraphView(List.of(), List.of(), Set.of()),
        List.of(),
        List.of());
  }
}
