package io.vigil.cli.internal.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.proto.logs.v1.LogRecord;
import io.vigil.cli.internal.CliRun;
import io.vigil.cli.internal.InputException;
import io.vigil.live.IncidentReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The events pipeline's lifecycle, and the OTLP options' validation. */
class OtlpEventsTest {

  @Test
  void theShutdownHookFlushesWhatIsQueuedAndCloseAfterItIsHarmless() throws IOException {
    try (OtlpReceiver receiver = new OtlpReceiver()) {
      OtlpOptions options = new OtlpOptions();
      options.endpoint = receiver.endpoint();
      StringWriter err = new StringWriter();
      OtlpEvents events = OtlpEvents.start(options.settings(), new PrintWriter(err, true));
      events.emit(report(1));
      // What SIGTERM or Ctrl-C runs; the batch processor's own delay (1 s) has not passed.
      events.shutdownHook().run();
      assertThat(receiver.records())
          .extracting(LogRecord::getEventName)
          .containsExactly("vigil.incident.report");
      events.emit(report(2));
      events.close();
      // An event emitted once the pipeline is down is lost, and counted as lost.
      assertThat(receiver.records()).hasSize(1);
      assertThat(err.toString())
          .isEqualTo(
              "vigil: 1 of 2 events were not delivered to "
                  + receiver.endpoint()
                  + "/v1/logs; the reports on standard output are complete"
                  + System.lineSeparator());
    }
  }

  @Test
  void theEndpointIsABaseUrlThatV1LogsIsResolvedAgainst() {
    assertThat(OtlpOptions.logsEndpoint("http://127.0.0.1:4318"))
        .isEqualTo(URI.create("http://127.0.0.1:4318/v1/logs"));
    assertThat(OtlpOptions.logsEndpoint("http://127.0.0.1:4318/"))
        .isEqualTo(URI.create("http://127.0.0.1:4318/v1/logs"));
    assertThat(OtlpOptions.logsEndpoint("https://otlp.example.com/tenant-a"))
        .isEqualTo(URI.create("https://otlp.example.com/tenant-a/v1/logs"));
    for (String bad : new String[] {"127.0.0.1:4318", "localhost:4318", "http://h/?a=b"}) {
      assertThatThrownBy(() -> OtlpOptions.logsEndpoint(bad))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith("--otlp-endpoint: '" + bad + "' is not a")
          .hasMessageContaining("expected an http:// or https:// URL");
    }
  }

  @Test
  void serviceNameIsVigilWatchUnlessGiven() {
    OtlpOptions options = new OtlpOptions();
    options.endpoint = "http://127.0.0.1:4318";
    assertThat(options.settings().resource()).containsEntry("service.name", "vigil-watch");
    options.resource.put("service.name", "vigil-watch-eu");
    assertThat(options.settings().resource()).containsEntry("service.name", "vigil-watch-eu");
  }

  @Test
  void eachBadOptionIsOneLineWithExitCodeTwoAndNoSecretIsEchoed() {
    String[] watch = {"watch", "--prometheus", "http://127.0.0.1:1"};
    assertThat(run(watch, "--otlp-endpoint", "ftp://collector:4318"))
        .startsWith("2: vigil: --otlp-endpoint: 'ftp://collector:4318' is not a base URL");
    assertThat(run(watch, "--otlp-header", "api-key=x"))
        .startsWith("2: vigil: --otlp-header needs --otlp-endpoint");
    assertThat(run(watch, "--otlp-resource-attribute", "team=a"))
        .startsWith("2: vigil: --otlp-resource-attribute needs --otlp-endpoint");
    String endpoint = "--otlp-endpoint=http://127.0.0.1:4318";
    assertThat(run(watch, endpoint, "--otlp-header", "api key=x"))
        .startsWith("2: vigil: --otlp-header: 'api key' is not an HTTP header name");
    assertThat(run(watch, endpoint, "--otlp-header", "api-key=s3cr3t\u0007"))
        .startsWith("2: vigil: --otlp-header: the value of 'api-key' holds a character")
        .doesNotContain("s3cr3t");
    assertThat(run(watch, endpoint, "--otlp-resource-attribute", "=a"))
        .startsWith("2: vigil: --otlp-resource-attribute: '=a' has no key");
    assertThat(run(watch, endpoint, "--otlp-timeout", "0s"))
        .startsWith("2: vigil: --otlp-timeout: '0s' is not a positive duration");
  }

  private static String run(String[] command, String... more) {
    String[] args = new String[command.length + more.length];
    System.arraycopy(command, 0, args, 0, command.length);
    System.arraycopy(more, 0, args, command.length, more.length);
    CliRun run = CliRun.of(args);
    return run.code() + ": " + run.err();
  }

  private static IncidentReport report(long sequence) {
    return new IncidentReport(
        sequence,
        1_000L,
        2_000L,
        List.of("db"),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of());
  }
}
