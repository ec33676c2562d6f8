package io.vigil.live;

/**
 * Receives every report the {@link LiveIncidentAnalyzer} publishes, on the thread that settled the
 * incident (a source's background thread, or the caller of {@link LiveIncidentAnalyzer#advance}).
 * An exception thrown here is caught and counted, never propagated to the source.
 */
@FunctionalInterface
public interface IncidentReportListener {

  /** One settled, ranked incident; the report is immutable and may be kept. */
  void onReport(IncidentReport report);
}
