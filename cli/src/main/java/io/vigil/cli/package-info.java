/**
 * The {@code vigil} command line. {@link io.vigil.cli.VigilCommand} is the CLI module's only public
 * type; everything else lives in {@code io.vigil.cli.internal} and its subpackages and is not an
 * API.
 */
@NullMarked
package io.vigil.cli;

import org.jspecify.annotations.NullMarked;
