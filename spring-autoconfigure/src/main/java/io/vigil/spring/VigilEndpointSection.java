package io.vigil.spring;

/**
 * One section of the {@code vigil} actuator endpoint ({@code anomalies}, {@code series}, {@code
 * graph}, {@code reports}): each part of Vigil that is configured contributes its own as a bean,
 * and a user may add more.
 */
public interface VigilEndpointSection {

  /** The section's name, the endpoint's path segment: lower case, no slash. */
  String name();

  /** The section's current content, as maps, lists and scalars that serialize to JSON. */
  Object read();
}
