/**
 * Internal plumbing of the Vigil Logback encoder: not an API, may change in any release, do not
 * import it or name its classes in {@code logback.xml}. It holds the providers and maskers that
 * {@code VigilJsonFormatter} assembles (free text, key-value pairs, masking, the value limit, the
 * repair of unpaired surrogates, the fallback line) and isolates the classes that touch
 * OpenTelemetry so that they load only when {@code opentelemetry-api} is on the classpath.
 */
@NullMarked
package io.vigil.logback.internal;

import org.jspecify.annotations.NullMarked;
