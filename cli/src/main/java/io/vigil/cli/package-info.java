/** The {@code vigil} command line: picocli commands over core's analysis. */
@NullMarked
package io.vigil.cli;

import org.jspecify.annotations.NullMarked;
