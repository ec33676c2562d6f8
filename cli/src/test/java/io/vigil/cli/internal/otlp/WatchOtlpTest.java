package io.vigil.cli.internal.otlp;

import static io.vigil.cli.internal.otlp.OtlpReceiver.byKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.vigil.cli.internal.CliRun;
import io.vigil.cli.internal.Launcher;
import java.io.IOException;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code vigil watch --otlp-endpoint} replaying a scripted fleet with one fault: each report on
 * standard output arrives at an OTLP receiver as a {@code vigil.incident.report} event naming the
 * same culprit, an endpoint that cannot be reached costs one line on stderr, not a report, and a
 * report that cannot be written to standard output ends the watch with exit code 1.
 */
class WatchOtlpTest {

  private static final long MINUTE = 60_000;
  private static final long FAULT = Instant.parse("2026-01-01T01:00:00Z").toEpochMilli();

  private final JsonMapper json = JsonMapper.builder().build();
  @TempDir Path dir;
  private ScriptedFleet fleet;

  @BeforeEach
  void startFleet() throws IOException {
    fleet = new ScriptedFleet(FAULT, FAULT + 5 * MINUTE);
  }

  @AfterEach
  void stopFleet() {
    fleet.close();
  }

  @Test
  void everyReportArrivesAsAnEventNamingItsCulpritWithItsEvidence() throws IOException {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      CliRun run =
          watch(
              "--otlp-endpoint",
              receiver.endpoint(),
              "--otlp-header",
              "X-Scope-OrgID=team-a",
              "--otlp-resource-attribute",
              "deployment.environment.name=test");
      assertThat(run.code()).as(run.err()).isZero();
      List<JsonNode> reports = reports(run);
      assertThat(reports).as(run.out()).hasSize(1);
      JsonNode top = reports.get(0).path("causes").path(0);
      assertThat(top.path("service").asString()).isEqualTo(ScriptedFleet.FAULTY);

      // Asserted as soon as the command returns: it flushed the pipeline before exiting.
      assertThat(receiver.requests())
          .allSatisfy(
              r -> {
                assertThat(r.path()).isEqualTo("/v1/logs");
                assertThat(r.contentType()).isEqualTo("application/x-protobuf");
                assertThat(r.tenant()).isEqualTo("team-a");
              });
      List<LogRecord> events = receiver.records();
      assertThat(events).hasSameSizeAs(reports);
      LogRecord event = events.get(0);
      assertThat(event.getEventName()).isEqualTo("vigil.incident.report");
      assertThat(event.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_ERROR);
      assertThat(event.getBody().getStringValue()).contains("likely cause db");
      Map<String, KeyValue> attributes = byKey(event.getAttributesList());
      assertThat(string(attributes, "vigil.incident.culprit"))
          .isEqualTo(top.path("service").asString());
      assertThat(attributes.get("vigil.incident.score").getValue().getDoubleValue())
          .isEqualTo(top.path("score").asDouble());
      List<String> evidence = new ArrayList<>();
      top.path("evidence")
          .forEach(
              e ->
                  evidence.add(
                      String.format(
                          Locale.ROOT,
                          "%s %+.1f",
                          e.path("signal").asString(),
                          e.path("deviation").asDouble())));
      assertThat(strings(attributes, "vigil.incident.evidence")).isNotEmpty().isEqualTo(evidence);
      List<String> anomalous = new ArrayList<>();
      reports.get(0).path("anomalousServices").forEach(s -> anomalous.add(s.asString()));
      assertThat(strings(attributes, "vigil.incident.services"))
          .isEqualTo(anomalous)
          .contains("db");
      assertThat(strings(attributes, "vigil.incident.causes")).first().isEqualTo("db");
      assertThat(attributes.get("vigil.incident.start_ms").getValue().getIntValue())
          .isEqualTo(Instant.parse(reports.get(0).path("start").asString()).toEpochMilli());

      ResourceLogs resource = receiver.resourceLogs().get(0);
      Map<String, KeyValue> resourceAttributes = byKey(resource.getResource().getAttributesList());
      assertThat(string(resourceAttributes, "service.name")).isEqualTo("vigil-watch");
      assertThat(string(resourceAttributes, "deployment.environment.name")).isEqualTo("test");
      assertThat(resource.getScopeLogs(0).getScope().getName()).isEqualTo("io.vigil.otel");
    }
  }

  @Test
  void anUnreachableEndpointCostsOneLineAndNoReport() throws IOException {
    CliRun plain = watch();
    assertThat(plain.code()).as(plain.err()).isZero();
    assertThat(reports(plain)).hasSize(1);

    String endpoint = "http://127.0.0.1:" + closedPort();
    // A timeout the exporter's bounded retries fit in, so that the run ends with their outcome.
    CliRun run = watch("--otlp-endpoint", endpoint, "--otlp-timeout", "60s");
    System.out.println("watch with an unreachable OTLP endpoint, stderr:\n" + run.err());
    assertThat(run.code()).as("exit code, documented as 0; stderr: %s", run.err()).isZero();
    assertThat(run.out()).isEqualTo(plain.out());
    List<String> otlpLines = run.err().lines().filter(l -> l.contains(endpoint)).toList();
    assertThat(otlpLines)
        .as(run.err())
        .hasSize(2)
        .satisfies(
            lines -> {
              assertThat(lines.get(0))
                  .startsWith("vigil: cannot send events to " + endpoint + "/v1/logs: ")
                  .contains("watching on, the reports on standard output are complete");
              assertThat(lines.get(1))
                  .startsWith(
                      "vigil: 1 of 1 events were not delivered to " + endpoint + "/v1/logs");
            });
    assertThat(run.err()).doesNotContain("\tat ").doesNotContain("Exception in");
  }

  @Test
  void aReportThatCannotBeWrittenStopsTheWatchWithExitCodeOneAndIsNotSent() throws IOException {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      StringWriter err = new StringWriter();
      int code = Launcher.run(new BrokenPipe(), err, args("--otlp-endpoint", receiver.endpoint()));
      assertThat(code).as("exit code, documented as 1 for a failed write; stderr: %s", err).isOne();
      assertThat(err.toString().lines().toList())
          .last()
          .isEqualTo("vigil: standard output: cannot write: Broken pipe");
      // The JSON line is written first: a report lost on standard output is not sent either.
      assertThat(receiver.records()).isEmpty();
    }
  }

  private CliRun watch(String... otlp) throws IOException {
    return CliRun.of(args(otlp));
  }

  private String[] args(String... otlp) throws IOException {
    List<String> args =
        new ArrayList<>(
            List.of(
                "watch",
                "--prometheus",
                fleet.url(),
                "--queries",
                ScriptedFleet.queries(dir).toString(),
                "--from",
                Instant.ofEpochMilli(FAULT - 10 * MINUTE).toString(),
                "--to",
                Instant.ofEpochMilli(FAULT + 20 * MINUTE).toString(),
                "--step",
                "15s",
                "--baseline",
                "30m"));
    args.addAll(List.of(otlp));
    return args.toArray(String[]::new);
  }

  private List<JsonNode> reports(CliRun run) {
    return run.out().lines().filter(l -> !l.isBlank()).map(json::readTree).toList();
  }

  private static String string(Map<String, KeyValue> attributes, String key) {
    assertThat(attributes).containsKey(key);
    return attributes.get(key).getValue().getStringValue();
  }

  private static List<String> strings(Map<String, KeyValue> attributes, String key) {
    assertThat(attributes).containsKey(key);
    return attributes.get(key).getValue().getArrayValue().getValuesList().stream()
        .map(AnyValue::getStringValue)
        .toList();
  }

  private static int closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
