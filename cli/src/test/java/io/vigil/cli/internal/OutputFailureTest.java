package io.vigil.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write that fails (disk full, closed pipe) fails the command with one line, whatever wrote. */
class OutputFailureTest {

  private static final Path FULL = Path.of("/dev/full");

  @TempDir Path dir;

  @Test
  void detectOntoAFullDiskFailsWithOneLine() throws IOException {
    Path input = series(200_000);
    Run run = toFull("detect", "--detector", "ewma", input.toString());
    assertThat(run.code).isEqualTo(1);
    assertThat(run.err)
        .isEqualTo("vigil: standard output: cannot write: No space left on device\n");
  }

  @Test
  void rcaOntoAFullDiskFailsWithOneLine() throws IOException {
    Path incident =
        Files.writeString(
            dir.resolve("incident.json"),
            "{\"graph\": {\"edges\": [{\"caller\": \"web\", \"callee\": \"db\"}]},"
                + " \"anomalies\": [{\"service\": \"db\", \"onset\": 1000},"
                + " {\"service\": \"web\", \"onset\": 2000}]}");
    for (String format : List.of("text", "json")) {
      Run run = toFull("rca", "--format", format, incident.toString());
      assertThat(run.code).as(format).isEqualTo(1);
      assertThat(run.err)
          .isEqualTo("vigil: standard output: cannot write: No space left on device\n");
    }
  }

  @Test
  void helpOntoAFullDiskFailsWithOneLine() throws IOException {
    for (List<String> args : List.of(List.of("--help"), List.of("detect", "--help"))) {
      Run run = toFull(args.toArray(String[]::new));
      assertThat(run.code).as(args.toString()).isEqualTo(1);
      assertThat(run.err)
          .isEqualTo("vigil: standard output: cannot write: No space left on device\n");
    }
  }

  @Test
  void outputFileOnAFullDeviceFailsWithOneLine() throws IOException {
    assumeTrue(Files.exists(FULL), "no /dev/full");
    Path input = series(200_000);
    CliRun run = CliRun.of("detect", "--detector", "ewma", input.toString(), "-o", FULL.toString());
    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("vigil: /dev/full: cannot write: No space left on device\n");
  }

  private Run toFull(String... args) throws IOException {
    assumeTrue(Files.exists(FULL), "no /dev/full");
    StringWriter err = new StringWriter();
    try (Writer out =
        new OutputStreamWriter(new FileOutputStream(FULL.toFile()), StandardCharsets.UTF_8)) {
      int code = Launcher.run(out, err, args);
      return new Run(code, err.toString().replace(System.lineSeparator(), "\n"));
    } catch (IOException closing) {
      throw new AssertionError("the command should have flushed, and failed, before", closing);
    }
  }

  private Path series(int rows) throws IOException {
    List<String> lines = new ArrayList<>(rows + 1);
    lines.add("timestamp,value");
    for (int i = 0; i < rows; i++) {
      lines.add((1_700_000_000_000L + i * 60_000L) + "," + (i % 17));
    }
    return Files.write(dir.resolve("in.csv"), lines);
  }

  private record Run(int code, String err) {}
}
