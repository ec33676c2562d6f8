/**
 * The {@code vigil} command line's implementation: not an API. Nothing here may be imported by
 * users; it changes without notice. The only public type of the CLI is {@link
 * io.vigil.cli.VigilCommand}.
 */
@NullMarked
package io.vigil.cli.internal;

import org.jspecify.annotations.NullMarked;
