/**
 * Internal plumbing of the anomaly-detecting registry: series state, signal reading, bounds. Not an
 * API: users must not import these types, which may change in any release.
 */
@NullMarked
package io.vigil.micrometer.internal;

import org.jspecify.annotations.NullMarked;
