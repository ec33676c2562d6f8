/**
 * Plumbing of Vigil's Spring Boot auto-configuration (property adapters, the report page's
 * rendering and layout); not an API, it may change in any release.
 */
@NullMarked
package io.vigil.spring.internal;

import org.jspecify.annotations.NullMarked;
