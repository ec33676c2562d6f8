/** Benchmarks of live incident analysis, each against a baseline in the same run. */
@NullMarked
package io.vigil.benchmarks.live;

import org.jspecify.annotations.NullMarked;
