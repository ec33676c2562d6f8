package io.vigil.spring.internal;

import io.vigil.live.IncidentReport;
import io.vigil.live.IncidentReportListener;
import io.vigil.live.ReportedCause;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each incident report as one structured line: the summary as the message, and the sequence,
 * top cause, its score and the services as key-value pairs, which Vigil's JSON format writes as
 * fields.
 */
public final class ReportLogger implements IncidentReportListener {

  private static final Logger LOG = LoggerFactory.getLogger("io.vigil.live.report");

  @Override
  public void onReport(IncidentReport report) {
    var line =
        LOG.atWarn()
            .addKeyValue("vigil_event", "vigil.incident.report")
            .addKeyValue("incident_sequence", report.sequence())
            .addKeyValue("incident_services", String.join(",", report.services()));
    if (report.topCause().isPresent()) {
      ReportedCause cause = report.topCause().get();
      line =
          line.addKeyValue("incident_cause", cause.service())
              .addKeyValue("incident_cause_score", cause.score());
    }
    line.log(report.summary());
  }
}
