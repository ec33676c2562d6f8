/**
 * Vigil on Micrometer: the seed's metric types and APM tracking recorded through a {@code
 * MeterRegistry}, and {@link io.vigil.micrometer.VigilAnomalyMeterRegistry}, a step registry that
 * runs core's streaming detectors over the meters it watches and reports anomalies to listeners.
 */
@NullMarked
package io.vigil.micrometer;

import org.jspecify.annotations.NullMarked;
