package io.vigil.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.VigilCommand;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil detect} in a JVM of its own, as a user runs it: memory stays flat on an input far
 * larger than the heap, to standard output and to a file, and SIGTERM leaves no temporary file.
 */
class ForkedDetectTest {

  /** Two million rows, about 60 MB in and 100 MB out: far more than a 128 MB heap holds twice. */
  private static final int ROWS = 2_000_000;

  @TempDir static Path dir;
  private static Path input;

  @BeforeAll
  static void bigInput() throws IOException {
    input = dir.resolve("big.csv");
    try (BufferedWriter w = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
      w.write("timestamp,value\n");
      for (int i = 0; i < ROWS; i++) {
        w.write(Long.toString(1_700_000_000_000L + i * 60_000L));
        w.write(',');
        w.write(Integer.toString(i % 97));
        w.write('\n');
      }
    }
  }

  @Test
  void streamsToStandardOutputInA128MegabyteHeap() throws Exception {
    Path out = dir.resolve("stdout.csv");
    Process p = vigil(out, "detect", "--detector", "ewma", input.toString());
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
    assertThat(lines(out)).isEqualTo(ROWS + 1);
  }

  @Test
  void streamsToAFileInA128MegabyteHeap() throws Exception {
    Path out = dir.resolve("out.csv");
    Process p = vigil(null, "detect", "--detector", "ewma", input.toString(), "-o", out + "");
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("stderr.txt"))).isZero();
    assertThat(lines(out)).isEqualTo(ROWS + 1);
  }

  @Test
  void sigtermMidRunRemovesTheTemporaryFile() throws Exception {
    Path target = Files.createDirectories(dir.resolve("term")).resolve("out.csv");
    Process p = vigil(null, "detect", "--detector", "ewma", input.toString(), "-o", target + "");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (temporaries(target.getParent()).isEmpty() && p.isAlive()) {
      assertThat(System.nanoTime()).as("no temporary file appeared").isLessThan(deadline);
      Thread.sleep(5);
    }
    assertThat(p.isAlive()).as("the run ended before it could be stopped").isTrue();
    p.destroy(); // SIGTERM
    assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).isNotZero();
    assertThat(temporaries(target.getParent())).isEmpty();
    assertThat(target).doesNotExist();
  }

  private static Process vigil(Path stdout, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx128m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(VigilCommand.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectError(dir.resolve("stderr.txt").toFile());
    if (stdout != null) {
      builder.redirectOutput(stdout.toFile());
    } else {
      builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }
    return builder.start();
  }

  private static long lines(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    }
  }

  private static List<Path> temporaries(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
