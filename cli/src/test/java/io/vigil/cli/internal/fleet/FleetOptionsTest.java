package io.vigil.cli.internal.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.cli.VigilCommand;
import io.vigil.cli.internal.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Times, durations, windows and query files: each bad value is named with what was expected. */
class FleetOptionsTest {

  @Test
  void timesAreRfc3339UnixSecondsOrRelativeToNow() {
    long now = 1_800_000_000_000L;
    assertThat(FleetTime.instantMillis("--at", "2026-12-02T07:00:00Z", now))
        .isEqualTo(1_796_194_800_000L);
    assertThat(FleetTime.instantMillis("--at", "1700000000.5", now)).isEqualTo(1_700_000_000_500L);
    assertThat(FleetTime.instantMillis("--at", "now", now)).isEqualTo(now);
    assertThat(FleetTime.instantMillis("--at", "now-15m", now)).isEqualTo(now - 900_000);
    assertThatThrownBy(() -> FleetTime.instantMillis("--at", "yesterday", now))
        .hasMessageContaining("--at: 'yesterday' is not a time; expected RFC 3339");
  }

  @Test
  void durationsArePositiveWithAUnit() {
    assertThat(FleetTime.durationMillis("--step", "15s")).isEqualTo(15_000);
    assertThat(FleetTime.durationMillis("--step", "2h")).isEqualTo(7_200_000);
    for (String bad : new String[] {"0s", "15", "-1m", "1.5m", "1y", "9999999999s"}) {
      assertThatThrownBy(() -> FleetTime.durationMillis("--step", bad))
          .as(bad)
          .hasMessageContaining("--step: '" + bad + "' is not a positive duration");
    }
  }

  @Test
  void aWindowTooFineToHoldIsRejectedWithTheBound() {
    assertThatThrownBy(() -> new FleetWindow(0, 86_400_000L * 30, 86_400_000L * 31, 1_000, 2_000))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("more than the limit of " + FleetWindow.MAX_POINTS);
  }

  @Test
  void aQueryFileOverridesRemovesAndRejectsUnknownPlaceholders(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("q.properties");
    Files.writeString(file, "cpu = max by (service) (my_cpu)\nmemory =\n");
    FleetQueries q = FleetQueries.load(file);
    assertThat(q.signals()).containsEntry("cpu", "max by (service) (my_cpu)");
    assertThat(q.signals()).doesNotContainKey("memory").containsKey("server.latency.mean");

    Files.writeString(file, "cpu = rate(x[${range}])\n");
    assertThatThrownBy(() -> FleetQueries.load(file))
        .hasMessageContaining("query 'cpu' uses ${range}; the only placeholder is ${window}");
    Files.writeString(file, "graph =\n");
    assertThatThrownBy(() -> FleetQueries.load(file))
        .hasMessageContaining("the 'graph' query may not be removed");
  }

  @Test
  void theCommandLineSaysWhatIsWrongWithExitCodeTwo() {
    assertThat(run("rca", "--prometheus", "http://127.0.0.1:1", "--from", "now-5m"))
        .startsWith("2:")
        .contains("give either --at, or both --from and --to");
    assertThat(run("rca", "--prometheus", "http://127.0.0.1:1", "--step", "0s"))
        .startsWith("2:")
        .contains("--step: '0s' is not a positive duration");
    assertThat(run("rca", "x.json", "--prometheus", "http://127.0.0.1:1"))
        .startsWith("2:")
        .contains("give INCIDENT.json or --prometheus, not both");
    assertThat(run("watch", "--prometheus", "http://127.0.0.1:1", "--from", "now-1h"))
        .startsWith("2:")
        .contains("give both --from and --to");
    assertThat(run("watch", "--prometheus", "http://127.0.0.1:1", "--persistence", "0"))
        .startsWith("2:")
        .contains("--persistence must be in [1, 100] but was 0");
    assertThat(run("watch", "--prometheus", "http://127.0.0.1:1", "--detector", "nope"))
        .startsWith("2:")
        .contains("unknown detector 'nope'");
  }

  private static String run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = VigilCommand.commandLine();
    cli.setOut(new PrintWriter(new StringWriter(), true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args) + ": " + err;
  }
}
