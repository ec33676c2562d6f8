/**
 * Vigil's structured JSON log format for Logback: {@link io.vigil.logback.VigilJsonEncoder}, named
 * in {@code logback.xml} with one line, built on logstash-logback-encoder's providers, with trace
 * correlation and masking of secrets.
 */
@NullMarked
package io.vigil.logback;

import org.jspecify.annotations.NullMarked;
