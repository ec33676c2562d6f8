package io.vigil.cli.internal.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.cli.internal.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Holds the default detector to the NAB scores docs/detectors.md reports, so that a change that
 * lowers them fails the build. Runs only when {@code vigil.shared.data} points at the data.
 */
class DefaultDetectorNabTest {

  @Test
  void defaultDetectorKeepsItsPublishedNabScores(@TempDir Path out) {
    String data = System.getProperty("vigil.shared.data");
    assumeTrue(data != null && Files.isDirectory(Path.of(data, "nab")), "no NAB corpus");
    CliRun run =
        CliRun.of(
            "nab",
            "run",
            "--corpus",
            Path.of(data, "nab") + "",
            "--detector",
            "default",
            "--out",
            out + "");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().lines().reduce((a, b) -> b).orElseThrow())
        .isEqualTo("standard=63.49 reward_low_FP=56.68 reward_low_FN=68.08");
  }
}
