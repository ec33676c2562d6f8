/** JMH benchmarks of the streaming anomaly detectors in {@code io.vigil.detect}. */
@NullMarked
package io.vigil.benchmarks.detect;

import org.jspecify.annotations.NullMarked;
