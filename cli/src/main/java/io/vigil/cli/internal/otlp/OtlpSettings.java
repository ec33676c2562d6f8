package io.vigil.cli.internal.otlp;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Where and how {@code vigil watch} sends its events, validated once by {@link OtlpOptions}.
 *
 * @param logsEndpoint the OTLP/HTTP logs URL, {@code /v1/logs} included
 * @param headers HTTP headers on every export request
 * @param resource the resource attributes of every event, {@code service.name} included
 * @param timeout the longest wait for one export request, and for the last exports at exit
 */
public record OtlpSettings(
    URI logsEndpoint, Map<String, String> headers, Map<String, String> resource, Duration timeout) {

  /** The resource's {@code service.name} unless one is given: the process's name to OTel. */
  public static final String DEFAULT_SERVICE_NAME = "vigil-watch";

  /** Copies the maps. */
  public OtlpSettings {
    headers = Map.copyOf(headers);
    resource = Map.copyOf(resource);
  }
}
