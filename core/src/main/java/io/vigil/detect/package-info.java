/**
 * Streaming anomaly detectors: one instance per series, fed {@code (timestamp, value)} in order,
 * answering each point with a {@link io.vigil.detect.Verdict}.
 */
@NullMarked
package io.vigil.detect;

import org.jspecify.annotations.NullMarked;
