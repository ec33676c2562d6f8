/**
 * Live incident analysis: per-step signals and anomalies from any source (the Micrometer registry,
 * the OpenTelemetry span exporter) flow into one {@link io.vigil.live.LiveIncidentAnalyzer} through
 * {@link io.vigil.live.SignalListener}. It keeps a bounded history of each signal, runs a detector
 * on each, groups anomalies into incidents over the shared call graph, and once an incident has
 * settled ranks its root causes and publishes an immutable {@link io.vigil.live.IncidentReport} to
 * every {@link io.vigil.live.IncidentReportListener}: the causes with their evidence and their
 * correlation with the symptom, the propagation paths, the subgraph, the signals with their
 * expected bands, and the marked events ({@link io.vigil.live.MarkedEvent}) near it with their
 * impact. See docs/live.md for the settings, their defaults and the memory per signal.
 */
@NullMarked
package io.vigil.live;

import org.jspecify.annotations.NullMarked;
