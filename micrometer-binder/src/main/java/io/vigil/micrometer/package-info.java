/**
 * Vigil on Micrometer: the seed's metric types and APM tracking recorded through a {@code
 * MeterRegistry}, and {@link io.vigil.micrometer.VigilAnomalyMeterRegistry}, a step registry that
 * runs core's streaming detectors over the meters it watches and reports anomalies to listeners.
 *
 * <p>The public API, all in this package (enforced by {@code PublicApiTest}):
 *
 * <ul>
 *   <li>{@link io.vigil.micrometer.VigilAnomalyMeterRegistry} and its {@code Builder};
 *   <li>{@link io.vigil.micrometer.VigilAnomalySettings} and its {@code Builder}, the typed
 *       settings, and {@link io.vigil.micrometer.VigilAnomalyConfig}, their properties form;
 *   <li>{@link io.vigil.micrometer.VigilMeterFilters}, {@link io.vigil.micrometer.Signal}, {@link
 *       io.vigil.micrometer.AnomalyListener}, {@link io.vigil.micrometer.AnomalyEvent};
 *   <li>{@link io.vigil.micrometer.ApmTracker} and its {@code Builder}, {@link
 *       io.vigil.micrometer.ApmObservationHandler};
 *   <li>{@link io.vigil.micrometer.MetricsCollector}, {@link io.vigil.micrometer.RecordedMetric}.
 * </ul>
 *
 * <p>Everything else lives in {@code io.vigil.micrometer.internal} and may change in any release.
 */
@NullMarked
package io.vigil.micrometer;

import org.jspecify.annotations.NullMarked;
