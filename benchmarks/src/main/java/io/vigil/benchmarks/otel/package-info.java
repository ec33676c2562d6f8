/**
 * JMH benchmarks of the OpenTelemetry module, each against a named baseline in the same run: the
 * cost Vigil adds to a BatchSpanProcessor pipeline on the application threads, learning alone, and
 * heap per edge and per service.
 */
@NullMarked
package io.vigil.benchmarks.otel;

import org.jspecify.annotations.NullMarked;
