/** JMH benchmarks of root-cause ranking, each against a baseline in the same run. */
@NullMarked
package io.vigil.benchmarks.rca;

import org.jspecify.annotations.NullMarked;
