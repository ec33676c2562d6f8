package io.vigil.otel;

import static java.util.Objects.requireNonNull;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.api.logs.Severity;
import io.vigil.live.IncidentReport;
import io.vigil.live.IncidentReportListener;
import io.vigil.live.ReportedCause;
import io.vigil.live.SignalListener;
import io.vigil.rca.Anomaly;
import io.vigil.rca.SignalEvidence;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;

/**
 * Emits anomalies and incident reports as OpenTelemetry events: log records with an event name
 * ({@value #ANOMALY_EVENT}, {@value #REPORT_EVENT}), a severity, a one-line body and {@code
 * vigil.*} attributes (culprit, score, evidence, affected services), through the SDK's logs
 * pipeline, so they travel over OTLP with everything else.
 *
 * <p>Register it as the incident analyzer's report listener and as a signal source's listener (it
 * emits the source's anomalies and ignores plain signal values). Never throws: a failure is counted
 * and logged once.
 */
public final class VigilEventEmitter implements IncidentReportListener, SignalListener {

  /** Event name of an anomaly. */
  public static final String ANOMALY_EVENT = "vigil.anomaly";

  /** Event name of an incident report. */
  public static final String REPORT_EVENT = "vigil.incident.report";

  /** Instrumentation scope of the events. */
  public static final String SCOPE = "io.vigil.otel";

  static final AttributeKey<String> ANOMALY_SERVICE =
      AttributeKey.stringKey("vigil.anomaly.service");
  static final AttributeKey<String> ANOMALY_SIGNAL = AttributeKey.stringKey("vigil.anomaly.signal");
  static final AttributeKey<Double> ANOMALY_MAGNITUDE =
      AttributeKey.doubleKey("vigil.anomaly.magnitude");
  static final AttributeKey<Long> SEQUENCE = AttributeKey.longKey("vigil.incident.sequence");
  static final AttributeKey<Long> START = AttributeKey.longKey("vigil.incident.start_ms");
  static final AttributeKey<Long> SETTLED = AttributeKey.longKey("vigil.incident.settled_ms");
  static final AttributeKey<List<String>> SERVICES =
      AttributeKey.stringArrayKey("vigil.incident.services");
  static final AttributeKey<String> CULPRIT = AttributeKey.stringKey("vigil.incident.culprit");
  static final AttributeKey<Double> SCORE = AttributeKey.doubleKey("vigil.incident.score");
  static final AttributeKey<List<String>> CAUSES =
      AttributeKey.stringArrayKey("vigil.incident.causes");
  static final AttributeKey<List<String>> EVIDENCE =
      AttributeKey.stringArrayKey("vigil.incident.evidence");
  static final AttributeKey<List<String>> PROPAGATION =
      AttributeKey.stringArrayKey("vigil.incident.propagation");
  static final AttributeKey<Long> ANOMALIES = AttributeKey.longKey("vigil.incident.anomalies");

  private static final java.util.logging.Logger LOGGER =
      java.util.logging.Logger.getLogger(VigilEventEmitter.class.getName());
  private static final int MAX_LISTED = 10;

  private final Logger logger;
  private final AtomicLong failures = new AtomicLong();
  private final AtomicBoolean warned = new AtomicBoolean();

  private VigilEventEmitter(Logger logger) {
    this.logger = logger;
  }

  /**
   * An emitter writing to the given logger provider (the SDK's, or {@code
   * OpenTelemetry#getLogsBridge()}).
   */
  public static VigilEventEmitter create(LoggerProvider loggerProvider) {
    requireNonNull(loggerProvider, "loggerProvider");
    return new VigilEventEmitter(loggerProvider.loggerBuilder(SCOPE).build());
  }

  /** Plain signal values are not events; ignored. */
  @Override
  public void onSignal(String service, String signal, long timestampMillis, double value) {}

  /** Emits one {@value #ANOMALY_EVENT} event. */
  @Override
  public void onAnomaly(Anomaly anomaly) {
    try {
      logger
          .logRecordBuilder()
          .setEventName(ANOMALY_EVENT)
          .setTimestamp(anomaly.onsetMillis(), TimeUnit.MILLISECONDS)
          .setSeverity(Severity.WARN)
          .setSeverityText("WARN")
          .setBody(
              String.format(
                  Locale.ROOT,
                  "anomaly in %s: %s moved %.1f",
                  anomaly.service(),
                  anomaly.signal(),
                  anomaly.magnitude()))
          .setAllAttributes(
              Attributes.of(
                  ANOMALY_SERVICE,
                  anomaly.service(),
                  ANOMALY_SIGNAL,
                  anomaly.signal(),
                  ANOMALY_MAGNITUDE,
                  anomaly.magnitude()))
          .emit();
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  /** Emits one {@value #REPORT_EVENT} event with the report's summary as its body. */
  @Override
  public void onReport(IncidentReport report) {
    try {
      logger
          .logRecordBuilder()
          .setEventName(REPORT_EVENT)
          .setTimestamp(report.settledMillis(), TimeUnit.MILLISECONDS)
          .setSeverity(Severity.ERROR)
          .setSeverityText("ERROR")
          .setBody(report.summary())
          .setAllAttributes(attributes(report))
          .emit();
    } catch (RuntimeException e) {
      failed(e);
    }
  }

  private static Attributes attributes(IncidentReport report) {
    AttributesBuilder attributes =
        Attributes.builder()
            .put(SEQUENCE, report.sequence())
            .put(START, report.startMillis())
            .put(SETTLED, report.settledMillis())
            .put(SERVICES, first(report.services()))
            .put(ANOMALIES, (long) report.anomalies().size());
    report
        .topCause()
        .ifPresent(
            top ->
                attributes
                    .put(CULPRIT, top.service())
                    .put(SCORE, top.score())
                    .put(EVIDENCE, evidence(top)));
    List<String> causes = new ArrayList<>();
    for (ReportedCause cause : first(report.causes())) {
      causes.add(cause.service());
    }
    List<String> paths = new ArrayList<>();
    for (List<String> path : first(report.propagation())) {
      paths.add(String.join(" -> ", path));
    }
    return attributes.put(CAUSES, causes).put(PROPAGATION, paths).build();
  }

  private static List<String> evidence(ReportedCause cause) {
    List<String> lines = new ArrayList<>();
    for (SignalEvidence e : first(cause.evidence())) {
      lines.add(String.format(Locale.ROOT, "%s %+.1f", e.signal(), e.deviation()));
    }
    return lines;
  }

  private static <T> List<T> first(List<T> list) {
    return list.size() <= MAX_LISTED ? list : list.subList(0, MAX_LISTED);
  }

  private void failed(RuntimeException e) {
    failures.incrementAndGet();
    if (!warned.getAndSet(true)) {
      LOGGER.log(Level.WARNING, "Vigil could not emit an event; skipping it", e);
    }
  }

  /** Events that could not be emitted because the logs pipeline threw. */
  public long failures() {
    return failures.get();
  }
}
