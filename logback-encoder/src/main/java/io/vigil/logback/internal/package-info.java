/**
 * Internal plumbing of the Vigil Logback encoder: not an API, may change in any release, do not
 * import it. It isolates the classes that touch OpenTelemetry so that they load only when {@code
 * opentelemetry-api} is on the classpath.
 */
@NullMarked
package io.vigil.logback.internal;

import org.jspecify.annotations.NullMarked;
