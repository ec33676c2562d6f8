/**
 * {@code vigil rca}: root-cause ranking of an incident file, and {@code vigil rca eval}, the
 * harness that measures rankers on fault-injection datasets.
 */
@NullMarked
package io.vigil.cli.rca;

import org.jspecify.annotations.NullMarked;
