/**
 * Fleet-wide analysis on a Prometheus-compatible store: {@code vigil rca --prometheus} and {@code
 * vigil watch --prometheus} read the service graph and every service's signals through the
 * Prometheus HTTP API and rank root causes with core's ranker. Vigil keeps no store of its own.
 *
 * <p>Internal: the CLI's implementation, not an API.
 */
@NullMarked
package io.vigil.cli.internal.fleet;

import org.jspecify.annotations.NullMarked;
