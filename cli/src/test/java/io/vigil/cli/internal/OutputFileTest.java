package io.vigil.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code -o} leaves files as {@code cp} would: through links, with their mode, nothing else. */
class OutputFileTest {

  @TempDir Path dir;
  private Path input;

  @BeforeEach
  void input() throws IOException {
    input = Files.writeString(dir.resolve("in.csv"), "timestamp,value\n1000,1\n2000,1\n3000,2.5\n");
  }

  @Test
  void writesThroughASymbolicLink() throws IOException {
    Path real = Files.writeString(dir.resolve("real.csv"), "old\n");
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("real.csv"));
    assertThat(detect(link).code()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readAllLines(real)).hasSize(4).first().isEqualTo(header());
  }

  @Test
  void createsTheTargetOfADanglingLink() throws IOException {
    Files.createDirectory(dir.resolve("sub"));
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), Path.of("sub/new.csv"));
    assertThat(detect(link).code()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readAllLines(dir.resolve("sub/new.csv"))).hasSize(4);
  }

  @Test
  void overwritingKeepsTheTargetsMode() throws IOException {
    for (String mode : List.of("rw-r--r--", "rw-rw----", "rw-------")) {
      Path out = Files.writeString(dir.resolve("out.csv"), "old\n");
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString(mode));
      assertThat(detect(out).code()).isZero();
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out))).isEqualTo(mode);
    }
  }

  @Test
  void aNewFileGetsTheUmasksMode() throws IOException {
    // Any file this process creates without asking for a mode gets 0666 less the umask.
    Path reference = Files.createFile(dir.resolve("reference"));
    Set<PosixFilePermission> umasked = Files.getPosixFilePermissions(reference);
    Path out = dir.resolve("out.csv");
    assertThat(detect(out).code()).isZero();
    assertThat(Files.getPosixFilePermissions(out)).isEqualTo(umasked);
    assertThat(umasked).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void anExistingDirectoryIsBadInputInOneLine() throws IOException {
    Path out = Files.createDirectory(dir.resolve("results"));
    CliRun run = detect(out);
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo("vigil: " + out + ": is a directory; expected a file to write\n");
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void aLinkToADirectoryIsBadInputToo() throws IOException {
    Files.createDirectory(dir.resolve("results"));
    Path link = Files.createSymbolicLink(dir.resolve("link"), Path.of("results"));
    CliRun run = detect(link);
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains(": is a directory; expected a file to write");
  }

  @Test
  void aFailedRunLeavesNoTemporaryFile() throws IOException {
    Files.writeString(input, "timestamp,value\n1000,1\n2000,abc\n");
    Path out = dir.resolve("out.csv");
    assertThat(detect(out).code()).isEqualTo(2);
    assertThat(out).doesNotExist();
    assertThat(leftovers()).isEmpty();
  }

  private CliRun detect(Path out) {
    return CliRun.of("detect", "--detector", "zscore", input.toString(), "-o", out.toString());
  }

  private static String header() {
    return "timestamp,value,anomaly_score,is_anomaly";
  }

  private List<Path> leftovers() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
    }
  }
}
