/**
 * The demo: six Spring Boot services on 127.0.0.1 in one JVM, driven by a load generator, one of
 * which suffers an injected fault that Vigil diagnoses.
 */
@NullMarked
package io.vigil.demo;

import org.jspecify.annotations.NullMarked;
