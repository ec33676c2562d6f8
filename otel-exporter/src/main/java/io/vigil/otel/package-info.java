/**
 * OpenTelemetry integration: {@link io.vigil.otel.VigilSpanExporter} learns the service graph and
 * per-step RED signals from finished spans, and {@link io.vigil.otel.VigilEventEmitter} emits
 * anomalies and incident reports as OpenTelemetry events.
 */
@NullMarked
package io.vigil.otel;

import org.jspecify.annotations.NullMarked;
