package io.vigil.cli.internal.nab;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.internal.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabCommandTest {

  private static final String SUMMARY =
      "standard=-?\\d+\\.\\d\\d reward_low_FP=-?\\d+\\.\\d\\d reward_low_FN=-?\\d+\\.\\d\\d";

  @TempDir Path dir;

  @Test
  void scoresResultFilesAndEndsWithTheSummaryLine() throws IOException {
    Path corpus = TinyCorpus.write(dir.resolve("corpus"));
    double[] a = new double[20];
    a[11] = 0.9;
    a[17] = 0.8;
    TinyCorpus.result(dir.resolve("results/hand/cat/hand_a.csv"), a);
    TinyCorpus.result(dir.resolve("results/hand/cat/hand_b.csv"), new double[20]);
    CliRun run =
        CliRun.of(
            "nab",
            "score",
            "--corpus",
            corpus + "",
            "--results",
            dir.resolve("results") + "",
            "--detector",
            "hand");
    assertThat(run.code()).as(run.err()).isZero();
    // Worked out in NabScorerTest.rewardsTheEarliestDetectionAndIgnoresProbation.
    assertThat(run.out().lines().toList())
        .last()
        .isEqualTo("standard=98.86 reward_low_FP=98.86 reward_low_FN=99.24");
  }

  @Test
  void runOntoAFileIsBadInputInOneLine() throws IOException {
    Path corpus = TinyCorpus.write(dir.resolve("corpus"));
    Path file = Files.writeString(dir.resolve("results.txt"), "mine\n");
    CliRun onto =
        CliRun.of(
            "nab", "run", "--corpus", corpus + "", "--detector", "zscore", "--out", file + "");
    assertThat(onto.code()).isEqualTo(2);
    assertThat(onto.err())
        .isEqualTo("vigil: --out " + file + ": not a directory; expected a results directory\n");
    assertThat(Files.readString(file)).isEqualTo("mine\n");
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve("zscore"), "in the way\n");
    CliRun below =
        CliRun.of("nab", "run", "--corpus", corpus + "", "--detector", "zscore", "--out", out + "");
    assertThat(below.code()).isEqualTo(2);
    assertThat(below.err())
        .isEqualTo(
            "vigil: "
                + out.resolve("zscore/cat")
                + ": cannot create the results directory: Not a directory\n");
  }

  @Test
  void anEmptyCorpusFailsInsteadOfScoringNaN() throws IOException {
    Path corpus = TinyCorpus.write(dir.resolve("corpus"), "{\"cat/a.csv\": [], \"cat/b.csv\": []}");
    CliRun run =
        CliRun.of(
            "nab", "run", "--corpus", corpus + "", "--detector", "zscore", "--out", dir + "/o");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out()).doesNotContain("NaN");
    assertThat(run.err()).contains("no windows in any file");
  }

  @Test
  void runWritesNabsResultLayoutThenScoresIt() throws IOException {
    Path corpus = TinyCorpus.write(dir.resolve("corpus"));
    Path out = dir.resolve("out");
    CliRun run =
        CliRun.of(
            "nab",
            "run",
            "--corpus",
            corpus + "",
            "--detector",
            "windowed-gaussian",
            "--set",
            "window=5",
            "--set",
            "step=1",
            "--out",
            out + "");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("[ 1/2] cat/a.csv: 20 rows").contains("[ 2/2] cat/b.csv");
    List<String> a =
        Files.readAllLines(out.resolve("windowed-gaussian/cat/windowed-gaussian_a.csv"));
    assertThat(a).hasSize(21);
    assertThat(a.get(0)).isEqualTo("timestamp,value,anomaly_score,label");
    assertThat(a.get(1)).isEqualTo("2024-01-01 00:00:00,10,0.00000000000,0");
    assertThat(a.get(11)).startsWith("2024-01-01 00:10:00,11,").endsWith(",1");
    // Row 12 jumps to 50 against a window of 10s, 11s and 12s: far in the tail.
    assertThat(a.get(13)).isEqualTo("2024-01-01 00:12:00,50,1.00000000000,1");
    assertThat(a.get(16)).endsWith(",0");
    String summary = run.out().lines().reduce((x, y) -> y).orElseThrow();
    assertThat(summary).matches(SUMMARY);

    CliRun rescore =
        CliRun.of(
            "nab",
            "score",
            "--corpus",
            corpus + "",
            "--results",
            out + "",
            "--detector",
            "windowed-gaussian");
    assertThat(rescore.out()).endsWith(summary + System.lineSeparator());
  }

  @Test
  void missingOrBadResultFilesAreExitCodeTwoNamingFileAndLine() throws IOException {
    Path corpus = TinyCorpus.write(dir.resolve("corpus"));
    Path results = dir.resolve("results");
    TinyCorpus.result(results.resolve("hand/cat/hand_a.csv"), new double[20]);
    CliRun missing = score(corpus, results);
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err().strip())
        .isEqualTo("vigil: " + results.resolve("hand/cat/hand_b.csv") + ": no such file");

    double[] b = new double[20];
    b[4] = 1.5;
    TinyCorpus.result(results.resolve("hand/cat/hand_b.csv"), b);
    CliRun outOfRange = score(corpus, results);
    assertThat(outOfRange.code()).isEqualTo(2);
    assertThat(outOfRange.err().strip())
        .isEqualTo(
            "vigil: "
                + results.resolve("hand/cat/hand_b.csv")
                + ":6:3: anomaly_score '1.5' is not in [0, 1]");

    TinyCorpus.result(results.resolve("hand/cat/hand_b.csv"), new double[19]);
    CliRun short_ = score(corpus, results);
    assertThat(short_.code()).isEqualTo(2);
    assertThat(short_.err()).contains("hand_b.csv:20:1: 19 rows but the data file has 20");
  }

  @Test
  void badArgumentsAreExitCodeTwo() throws IOException {
    Path corpus = TinyCorpus.write(dir.resolve("corpus"));
    CliRun unknown =
        CliRun.of(
            "nab", "run", "--corpus", corpus + "", "--detector", "magic", "--out", dir + "/o");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown detector 'magic'");
    assertThat(dir.resolve("o")).doesNotExist();

    CliRun noCorpus =
        CliRun.of(
            "nab", "run", "--corpus", dir + "/none", "--detector", "zscore", "--out", dir + "/o");
    assertThat(noCorpus.code()).isEqualTo(2);
    assertThat(noCorpus.err()).contains("combined_windows.json: no such file");

    CliRun noDetector = CliRun.of("nab", "score", "--corpus", corpus + "", "--results", dir + "");
    assertThat(noDetector.code()).isEqualTo(2);
    assertThat(noDetector.err()).contains("Missing required option: '--detector=NAME'");
  }

  private static CliRun score(Path corpus, Path results) {
    return CliRun.of(
        "nab", "score", "--corpus", corpus + "", "--results", results + "", "--detector", "hand");
  }
}
