/**
 * Recorded traces replayed as spans through {@link io.vigil.otel.VigilSpanExporter}, so that
 * offline evaluation learns signals with the same code as a live service.
 */
@NullMarked
package io.vigil.cli.internal.traces;

import org.jspecify.annotations.NullMarked;
