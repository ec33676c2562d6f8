/**
 * Internal plumbing of the Vigil span exporter: span pairing, per-step windows, graph metrics and
 * the autoconfigure SPI providers. Not a public API: these types may change in any release.
 */
@NullMarked
package io.vigil.otel.internal;

import org.jspecify.annotations.NullMarked;
