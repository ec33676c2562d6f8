/**
 * The Numenta Anomaly Benchmark on Vigil's detectors: a corpus in NAB's layout, NAB's scoring
 * (windows, probation, the threshold sweep and the normalisation against the null detector) in
 * Java, and the {@code vigil nab} commands.
 *
 * <p>Internal: the CLI's implementation, not an API.
 */
@NullMarked
package io.vigil.cli.internal.nab;

import org.jspecify.annotations.NullMarked;
