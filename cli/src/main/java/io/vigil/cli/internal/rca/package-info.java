/**
 * {@code vigil rca}: root-cause ranking of an incident file, and {@code vigil rca eval}, the
 * harness that measures rankers on fault-injection datasets.
 *
 * <p>Internal: the CLI's implementation, not an API.
 */
@NullMarked
package io.vigil.cli.internal.rca;

import org.jspecify.annotations.NullMarked;
