/**
 * {@code vigil watch --otlp-endpoint}: the watch's reports as OpenTelemetry events, sent by the
 * SDK's logs pipeline over OTLP/HTTP with otel-exporter's {@code VigilEventEmitter}.
 *
 * <p>Internal: the CLI's implementation, not an API.
 */
@NullMarked
package io.vigil.cli.internal.otlp;

import org.jspecify.annotations.NullMarked;
