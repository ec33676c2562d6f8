/**
 * Vigil's structured JSON log format for Logback, built on logstash-logback-encoder's providers,
 * with trace correlation, masking of secrets and a value limit.
 *
 * <p>The public API is these five types, the ones a user names in {@code logback.xml} or in code
 * ({@code PublicApiTest} fails when another appears):
 *
 * <ul>
 *   <li>{@link io.vigil.logback.VigilJsonEncoder}: the encoder, {@code <encoder
 *       class="io.vigil.logback.VigilJsonEncoder"/>}, configured with its setters;
 *   <li>{@link io.vigil.logback.VigilFieldNames}: its {@code <fieldNames>} element;
 *   <li>{@link io.vigil.logback.VigilJsonFormatter}: the format without an appender, for code that
 *       turns an event into a line itself (a Spring Boot {@code StructuredLogFormatter});
 *   <li>{@link io.vigil.logback.TraceContextJsonProvider} and {@link
 *       io.vigil.logback.FixedValueJsonProvider}: providers for a {@code
 *       LoggingEventCompositeJsonEncoder}'s {@code <providers>}, for users who assemble their own
 *       format.
 * </ul>
 *
 * <p>Everything else is in {@code io.vigil.logback.internal}. Its classes are public Java classes
 * (the formatter uses them across packages), so Logback would instantiate one named in {@code
 * logback.xml}, but naming them there is not supported: they may change in any release.
 */
@NullMarked
package io.vigil.logback;

import org.jspecify.annotations.NullMarked;
