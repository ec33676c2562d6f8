/**
 * Live incident analysis: per-step signals and anomalies from any source (the Micrometer registry,
 * the OpenTelemetry span exporter) flow into one analyzer that groups them into incidents and ranks
 * their root causes over the learned call graph.
 */
@NullMarked
package io.vigil.live;

import org.jspecify.annotations.NullMarked;
