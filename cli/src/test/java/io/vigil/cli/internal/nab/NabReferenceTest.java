package io.vigil.cli.internal.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.cli.internal.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reproduces NAB's published scores from its reference result files, and windowedGaussian's from
 * Vigil's own windowed-gaussian detector. Runs only when {@code vigil.shared.data} points at the
 * evaluation data.
 */
class NabReferenceTest {

  private static Path nab;
  private static NabCorpus corpus;

  @BeforeAll
  static void loadCorpus() {
    String data = System.getProperty("vigil.shared.data");
    assumeTrue(data != null && Files.isDirectory(Path.of(data, "nab")), "no NAB corpus");
    nab = Path.of(data, "nab");
    corpus = NabCorpus.load(nab);
  }

  @Test
  void scoresWindowedGaussianAsNab() {
    assertScores("windowedGaussian", 39.65, 20.87, 47.41);
  }

  @Test
  void scoresNumentaHtmAsNab() {
    assertScores("numenta", 70.10, 63.21, 74.32);
  }

  @Test
  void scoresTheNullDetectorZero() {
    assertScores("null", 0, 0, 0);
  }

  @Test
  void vigilsWindowedGaussianReproducesNabsBaseline(@TempDir Path out) {
    CliRun run =
        CliRun.of(
            "nab",
            "run",
            "--corpus",
            nab + "",
            "--detector",
            "windowed-gaussian",
            "--out",
            out + "");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err().lines()).hasSize(corpus.series().size());
    assertThat(run.out().lines().reduce((a, b) -> b).orElseThrow())
        .isEqualTo("standard=39.65 reward_low_FP=20.87 reward_low_FN=47.41");
  }

  private static void assertScores(String detector, double standard, double lowFp, double lowFn) {
    NabScore score = NabScorer.of(corpus).scoreResults(nab.resolve("reference-results"), detector);
    assertThat(score.normalized("standard")).isCloseTo(standard, within(0.01));
    assertThat(score.normalized("reward_low_FP")).isCloseTo(lowFp, within(0.01));
    assertThat(score.normalized("reward_low_FN")).isCloseTo(lowFn, within(0.01));
    assertThat(score.profiles().get(0).files()).hasSize(58);
  }
}
