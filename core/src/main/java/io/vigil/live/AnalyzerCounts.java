package io.vigil.live;

/**
 * What a {@link LiveIncidentAnalyzer} has seen and refused so far, for monitoring its health.
 *
 * @param signals distinct signals (service and name) tracked now
 * @param points values accepted into a signal's history
 * @param emptyPoints NaN or infinite values: kept as gaps, not fed to the detector
 * @param outOfOrderPoints values at or before their signal's last timestamp: skipped
 * @param droppedSignals values of new signals refused because {@code maxSignals} was reached
 * @param detectedAnomalies anomalies the analyzer's own detectors raised
 * @param receivedAnomalies anomalies received from sources through {@code onAnomaly}
 * @param droppedAnomalies anomalies beyond an incident's cap: counted, not kept
 * @param openIncidents incidents open now, waiting to settle
 * @param reports reports published
 * @param listenerFailures exceptions thrown by listeners: caught and counted
 * @param analysisFailures incidents that could not be ranked, or detector calls that threw
 * @param droppedEvents marked events pushed out by newer ones
 * @param afterClose signals, anomalies and events received after {@code close()}: ignored
 */
public record AnalyzerCounts(
    int signals,
    long points,
    long emptyPoints,
    long outOfOrderPoints,
    long droppedSignals,
    long detectedAnomalies,
    long receivedAnomalies,
    long droppedAnomalies,
    int openIncidents,
    long reports,
    long listenerFailures,
    long analysisFailures,
    long droppedEvents,
    long afterClose) {}
