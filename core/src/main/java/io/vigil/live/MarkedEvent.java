package io.vigil.live;

import java.util.Objects;

/**
 * Something that happened to a service and may explain an incident: a deploy, a config change, an
 * application start. Marked with {@link LiveIncidentAnalyzer#markEvent(MarkedEvent)}.
 *
 * @param service the service the event happened to
 * @param kind what happened, such as {@link #DEPLOY}, {@link #CONFIG} or {@link #START}; any
 *     non-blank word is accepted
 * @param description free text for a person, such as a version or the changed key
 * @param timestampMillis when it happened, epoch milliseconds
 */
public record MarkedEvent(String service, String kind, String description, long timestampMillis) {

  /** A new version of the service was deployed. */
  public static final String DEPLOY = "deploy";

  /** The service's configuration changed. */
  public static final String CONFIG = "config";

  /** The service (re)started. */
  public static final String START = "start";

  /** Checks that the service and the kind are present and not blank. */
  public MarkedEvent {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    if (service.isBlank() || kind.isBlank()) {
      throw new IllegalArgumentException(
          "service and kind must not be blank but were '" + service + "', '" + kind + "'");
    }
  }
}
