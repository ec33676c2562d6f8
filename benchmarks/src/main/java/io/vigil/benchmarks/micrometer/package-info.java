/**
 * JMH benchmarks of the Micrometer module, each against a named baseline in the same run: the
 * record path through a composite with Prometheus, publish-time detection, and heap per series.
 */
@NullMarked
package io.vigil.benchmarks.micrometer;

import org.jspecify.annotations.NullMarked;
