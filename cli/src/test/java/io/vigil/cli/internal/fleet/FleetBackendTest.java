package io.vigil.cli.internal.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.VigilCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fleet-wide RCA through a real store: 200 simulated services write the servicegraph metrics
 * through remote write, five faults strike in turn (one deep in the graph), and {@code vigil rca
 * --prometheus} must rank each culprit first; {@code vigil watch} replaying 30 minutes that hold
 * two of the faults must report exactly those two.
 */
class FleetBackendTest {

  private static final long MINUTE = 60_000;
  private final JsonMapper json = JsonMapper.builder().build();

  @ParameterizedTest
  @EnumSource(MetricsBackend.Kind.class)
  void ranksEveryInjectedCulpritFirstAndWatchReportsEachFaultOnce(
      MetricsBackend.Kind kind, @TempDir Path dir) throws Exception {
    FleetSimulation fleet = new FleetSimulation(200, 5, 7);
    long now = System.currentTimeMillis();
    long from = now - now % FleetSimulation.STEP - 120 * MINUTE;
    List<FleetSimulation.Fault> faults = new ArrayList<>();
    // One culprit per layer, from the deepest up to a frontend, 15 minutes apart.
    for (int i = 0; i < 5; i++) {
      List<String> layer = fleet.layers.get(fleet.layers.size() - 1 - i);
      String culprit = layer.get((7 * i + 3) % layer.size());
      faults.add(new FleetSimulation.Fault(culprit, from + (40 + 15 * i) * MINUTE, 5 * MINUTE));
    }
    try (MetricsBackend backend = MetricsBackend.start(kind, dir)) {
      fleet.write(new RemoteWriter(backend.remoteWrite()), from, from + 115 * MINUTE, faults);
      backend.flush();

      for (FleetSimulation.Fault fault : faults) {
        String[] out =
            run(
                "rca",
                "--prometheus",
                backend.url(),
                "--from",
                iso(fault.startMillis()),
                "--to",
                iso(fault.startMillis() + 5 * MINUTE),
                "--step",
                "15s",
                "--baseline",
                "10m",
                "--format",
                "json");
        JsonNode causes = json.readTree(out[0]).path("causes");
        System.out.println(kind + " " + fault.service() + ": " + out[1].strip());
        assertThat(causes.path(0).path("service").asString())
            .as("first cause of the fault in %s (stderr: %s)", fault.service(), out[1])
            .isEqualTo(fault.service());
      }

      long watchFrom = faults.get(0).startMillis() - 5 * MINUTE;
      String[] watch =
          run(
              "watch",
              "--prometheus",
              backend.url(),
              "--from",
              iso(watchFrom),
              "--to",
              iso(watchFrom + 30 * MINUTE),
              "--step",
              "15s",
              "--baseline",
              "30m");
      List<JsonNode> reports = new ArrayList<>();
      for (String line : watch[0].split("\n")) {
        if (!line.isBlank()) {
          reports.add(json.readTree(line));
        }
      }
      for (JsonNode r : reports) {
        System.out.println(
            kind
                + " watch: incident from "
                + r.path("start").asString()
                + ", first cause "
                + r.path("causes").path(0).path("service").asString()
                + ", anomalous "
                + r.path("anomalousServices"));
      }
      assertThat(reports).as("reports: %s; stderr: %s", watch[0], watch[1]).hasSize(2);
      for (int i = 0; i < 2; i++) {
        assertThat(reports.get(i).path("causes").path(0).path("service").asString())
            .isEqualTo(faults.get(i).service());
        long start = Instant.parse(reports.get(i).path("start").asString()).toEpochMilli();
        assertThat(start)
            .isBetween(faults.get(i).startMillis(), faults.get(i).startMillis() + 5 * MINUTE);
      }
    }
  }

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = VigilCommand.commandLine();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    assertThat(code).as("exit code of %s; stderr: %s", List.of(args), err).isZero();
    return new String[] {out.toString(), err.toString()};
  }

  private static String iso(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }
}
