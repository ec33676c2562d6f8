/**
 * Internal plumbing of {@link io.vigil.live.LiveIncidentAnalyzer}: signal histories, the report
 * assembly, the bounded stores. Not an API: users must not import it, and it changes without
 * notice.
 */
@NullMarked
package io.vigil.live.internal;

import org.jspecify.annotations.NullMarked;
