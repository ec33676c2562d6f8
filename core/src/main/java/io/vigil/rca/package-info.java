/**
 * Root-cause analysis: the service call graph, anomalies and metric series of an incident, the
 * ranking of likely root causes with their evidence, and the analyses around it (correlation, event
 * impact, alert cascades, propagation paths, incident grouping).
 */
@NullMarked
package io.vigil.rca;

import org.jspecify.annotations.NullMarked;
