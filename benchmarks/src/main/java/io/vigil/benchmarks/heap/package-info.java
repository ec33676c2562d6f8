/** What the heap measurements share. */
@NullMarked
package io.vigil.benchmarks.heap;

import org.jspecify.annotations.NullMarked;
