package io.vigil.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The demo headless with a one-second step: for a fault in each of a leaf shared by two callers
 * ({@code database}), a leaf behind one caller ({@code search-service}) and a service in the middle
 * ({@code user-service}), the shared analyzer's first report after the injection ranks the injected
 * service first; and so it does for a CPU fault in {@code search-service}, whose requests then
 * compute for 25 ms of CPU time each. One system serves the four runs in turn: each clears the last
 * fault and waits for the analyzer to go quiet before injecting its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoTest {

  private DemoSystem system;

  @BeforeAll
  void start() {
    system = DemoSystem.start(Map.of(DemoProperties.STEP, "1s"));
  }

  @AfterAll
  void stop() {
    system.close();
  }

  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({
    "latency+errors, database",
    "latency+errors, search-service",
    "latency+errors, user-service",
    "cpu, search-service"
  })
  void theInjectedServiceIsRankedFirst(String fault, String target) throws Exception {
    system.clearFaults();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    Optional<DemoRun.Outcome> outcome =
        new DemoRun(system, out)
            .run(
                new DemoRun.Settings(
                    Fault.parse(fault),
                    target,
                    Duration.ofSeconds(30),
                    20,
                    16,
                    Duration.ofSeconds(90)));
    String page =
        system.consoleUrl()
            + ConsoleApplication.REPORT_PAGE
            + outcome.map(o -> "/" + o.report().sequence()).orElse("");
    outcome.ifPresent(o -> new ReportPrinter(out).print(o.report(), page));
    System.out.print(printed.toString(StandardCharsets.UTF_8));

    assertThat(outcome).as("a diagnosis within 90 s of the injection").isPresent();
    assertThat(outcome.get().report().topCause().orElseThrow().service()).isEqualTo(target);
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(HttpRequest.newBuilder(URI.create(page)).build(), BodyHandlers.ofString());
    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.body())
        .as("the report page marks the culprit")
        .contains("<g class=\"node culprit\" data-service=\"" + target + "\">");
  }
}
