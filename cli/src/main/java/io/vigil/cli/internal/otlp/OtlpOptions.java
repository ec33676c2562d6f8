package io.vigil.cli.internal.otlp;

import io.vigil.cli.internal.InputException;
import io.vigil.cli.internal.fleet.FleetTime;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * {@code vigil watch}'s OTLP options. Nothing is implicit: without {@code --otlp-endpoint} no event
 * is sent, and no {@code OTEL_*} variable or {@code otel.*} property is read.
 */
public final class OtlpOptions {

  @Option(
      names = "--otlp-endpoint",
      paramLabel = "URL",
      description =
          "Also send every report as an OpenTelemetry event (vigil.incident.report) over"
              + " OTLP/HTTP protobuf to this base URL, e.g. http://127.0.0.1:4318; v1/logs is"
              + " appended to its path, as for OTEL_EXPORTER_OTLP_ENDPOINT.")
  @Nullable String endpoint;

  @Option(
      names = "--otlp-header",
      paramLabel = "KEY=VALUE",
      description =
          "An HTTP header on every OTLP request, repeatable: --otlp-header api-key=s3cr3t.")
  Map<String, String> headers = new LinkedHashMap<>();

  @Option(
      names = "--otlp-resource-attribute",
      paramLabel = "KEY=VALUE",
      description =
          "A resource attribute of the events, repeatable (default: service.name="
              + OtlpSettings.DEFAULT_SERVICE_NAME
              + ").")
  Map<String, String> resource = new LinkedHashMap<>();

  @Option(
      names = "--otlp-timeout",
      paramLabel = "DURATION",
      defaultValue = "10s",
      description =
          "Longest wait for one OTLP request, and for the last ones at exit (default:"
              + " ${DEFAULT-VALUE}).")
  String timeout = "10s";

  /** The validated settings, or null when no endpoint was given; fails on any bad value. */
  public @Nullable OtlpSettings settings() {
    if (endpoint == null) {
      if (!headers.isEmpty()) {
        throw new InputException("--otlp-header needs --otlp-endpoint");
      }
      if (!resource.isEmpty()) {
        throw new InputException("--otlp-resource-attribute needs --otlp-endpoint");
      }
      return null;
    }
    headers.forEach(OtlpOptions::checkHeader);
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("service.name", OtlpSettings.DEFAULT_SERVICE_NAME);
    resource.forEach(
        (key, value) -> {
          if (key.isBlank()) {
            throw new InputException(
                "--otlp-resource-attribute: '=" + value + "' has no key; expected KEY=VALUE");
          }
          attributes.put(key, value);
        });
    return new OtlpSettings(
        logsEndpoint(endpoint),
        headers,
        attributes,
        Duration.ofMillis(FleetTime.durationMillis("--otlp-timeout", timeout)));
  }

  /** The base URL with {@code v1/logs} resolved against its path, as the OTLP spec says. */
  static URI logsEndpoint(String url) {
    URI base;
    try {
      base = new URI(url);
    } catch (URISyntaxException e) {
      throw new InputException(
          "--otlp-endpoint: '"
              + url
              + "' is not a URL ("
              + e.getReason()
              + "); expected an http:// or https:// URL such as http://127.0.0.1:4318");
    }
    String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https"))
        || base.getHost() == null
        || base.getRawQuery() != null
        || base.getRawFragment() != null) {
      throw new InputException(
          "--otlp-endpoint: '"
              + url
              + "' is not a base URL; expected an http:// or https:// URL with a host and no"
              + " query, such as http://127.0.0.1:4318");
    }
    String path = base.getRawPath() == null ? "" : base.getRawPath();
    return URI.create(
        scheme
            + "://"
            + base.getRawAuthority()
            + (path.endsWith("/") ? path : path + "/")
            + "v1/logs");
  }

  /** Rejects what OkHttp would reject on the exporter's thread; never echoes the value. */
  private static void checkHeader(String name, String value) {
    if (name.isEmpty() || !name.chars().allMatch(OtlpOptions::isTokenChar)) {
      throw new InputException(
          "--otlp-header: '" + name + "' is not an HTTP header name; expected KEY=VALUE");
    }
    if (!value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f))) {
      throw new InputException(
          "--otlp-header: the value of '"
              + name
              + "' holds a character HTTP headers do not allow (a control or non-ASCII one)");
    }
  }

  /** An RFC 9110 token character. */
  private static boolean isTokenChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
  }
}
