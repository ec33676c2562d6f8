package io.vigil.cli.internal.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.cli.internal.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NabCorpusTest {

  @TempDir Path dir;

  @Test
  void resolvesWindowTimestampsToRowsAndDefaultsToNabsProfiles() throws IOException {
    NabCorpus corpus = NabCorpus.load(TinyCorpus.write(dir));
    assertThat(corpus.series())
        .containsExactly(
            new NabSeries("cat/a.csv", 20, List.of(new NabWindow(10, 14))),
            new NabSeries("cat/b.csv", 20, List.of()));
    assertThat(corpus.windowCount()).isEqualTo(1);
    assertThat(corpus.series().get(0).probation()).isEqualTo(3);
    assertThat(corpus.profiles()).isEqualTo(NabProfile.defaults());
    assertThat(corpus.dataFile(corpus.series().get(0))).isEqualTo(dir.resolve("data/cat/a.csv"));
  }

  @Test
  void readsProfilesFromConfig() throws IOException {
    TinyCorpus.write(dir);
    Files.createDirectories(dir.resolve("config"));
    Files.writeString(
        dir.resolve("config/profiles.json"),
        "{\"cheap_fp_rate\": {\"CostMatrix\": {\"tpWeight\": 1.0, \"fnWeight\": 3,"
            + " \"fpWeight\": 0.01, \"tnWeight\": 1.0}}}");
    NabProfile profile = NabCorpus.load(dir).profiles().get(0);
    assertThat(profile).isEqualTo(new NabProfile("cheap_fp_rate", 1.0, 0.01, 3.0));
    assertThat(profile.shortName()).isEqualTo("cheap_fp");
  }

  @Test
  void probationIsFifteenPercentAndAtMost750Rows() {
    assertThat(new NabSeries("c/x.csv", 19, List.of()).probation()).isEqualTo(2);
    assertThat(new NabSeries("c/x.csv", 5000, List.of()).probation()).isEqualTo(750);
    assertThat(new NabSeries("c/x.csv", 22_000, List.of()).probation()).isEqualTo(750);
  }

  @Test
  void rejectsAWindowLimitThatIsNotATimestampOfTheFile() throws IOException {
    TinyCorpus.write(
        dir,
        "{\"cat/a.csv\": [[\"2024-01-01 00:10:30\", \"2024-01-01 00:14:00\"]], \"cat/b.csv\": []}");
    assertThatThrownBy(() -> NabCorpus.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(
            dir.resolve("labels/combined_windows.json")
                + ":1:17: $[\"cat/a.csv\"][0][0]: window limit \"2024-01-01 00:10:30\" is not a"
                + " timestamp of the file");
  }

  @Test
  void rejectsLabelsAndDataThatDoNotMatch() throws IOException {
    TinyCorpus.write(dir, "{\"cat/a.csv\": []}");
    assertThatThrownBy(() -> NabCorpus.load(dir))
        .hasMessageEndingWith("combined_windows.json: no windows for data file 'cat/b.csv'");
    Files.writeString(
        dir.resolve("labels/combined_windows.json"),
        "{\"cat/a.csv\": [], \"cat/b.csv\": [], \"cat/gone.csv\": []}");
    assertThatThrownBy(() -> NabCorpus.load(dir))
        .hasMessageEndingWith(
            "combined_windows.json: windows for files not under data/: [cat/gone.csv]");
  }

  @Test
  void rejectsOverlappingOrReversedWindowsAndBadJson() throws IOException {
    TinyCorpus.write(
        dir,
        "{\"cat/a.csv\": [[\"2024-01-01 00:14:00\", \"2024-01-01 00:10:00\"]], \"cat/b.csv\": []}");
    assertThatThrownBy(() -> NabCorpus.load(dir)).hasMessageContaining("ends before it starts");
    Files.writeString(
        dir.resolve("labels/combined_windows.json"),
        "{\"cat/a.csv\": [[\"2024-01-01 00:05:00\", \"2024-01-01 00:10:00\"],"
            + " [\"2024-01-01 00:08:00\", \"2024-01-01 00:12:00\"]], \"cat/b.csv\": []}");
    assertThatThrownBy(() -> NabCorpus.load(dir))
        .hasMessageContaining("windows must be in order, apart, and inside 20 rows");
    Files.writeString(dir.resolve("labels/combined_windows.json"), "{\"cat/a.csv\": [");
    assertThatThrownBy(() -> NabCorpus.load(dir)).hasMessageContaining("not valid JSON");
  }

  @Test
  void rejectsMalformedLabelsNamingTheFileAndKey() throws IOException {
    Path labels =
        TinyCorpus.write(dir, "{\"cat/a.csv\": \"x\", \"cat/b.csv\": []}")
            .resolve("labels/combined_windows.json");
    assertThatThrownBy(() -> NabCorpus.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(
            labels + ":1:15: $[\"cat/a.csv\"]: expected a list of [start, end] windows, not \"x\"");
    Files.writeString(labels, "{\"cat/a.csv\": [], \"cat/b.csv\": 42}");
    assertThatThrownBy(() -> NabCorpus.load(dir))
        .hasMessage(
            labels + ":1:32: $[\"cat/b.csv\"]: expected a list of [start, end] windows, not 42");
    Files.writeString(labels, "{\"cat/a.csv\": [[1, 2]], \"cat/b.csv\": []}");
    assertThatThrownBy(() -> NabCorpus.load(dir))
        .hasMessageContaining("$[\"cat/a.csv\"][0][0]: expected a timestamp string");
    Files.writeString(labels, "{\"cat/a.csv\": [\"2024-01-01 00:05:00\"], \"cat/b.csv\": []}");
    assertThatThrownBy(() -> NabCorpus.load(dir))
        .hasMessageContaining("$[\"cat/a.csv\"][0]: expected a window [start, end]");
    Files.writeString(labels, "[]");
    assertThatThrownBy(() -> NabCorpus.load(dir)).hasMessageContaining(":1:1: $: expected {");
  }

  @Test
  void anEmptyCorpusIsAnErrorNotNaN() throws IOException {
    Files.createDirectories(dir.resolve("data"));
    Files.createDirectories(dir.resolve("labels"));
    Files.writeString(dir.resolve("labels/combined_windows.json"), "{}");
    assertThatThrownBy(() -> NabCorpus.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(dir.resolve("data") + ": no data files; expected data/<category>/<file>.csv");
    TinyCorpus.write(dir, "{\"cat/a.csv\": [], \"cat/b.csv\": []}");
    assertThatThrownBy(() -> NabCorpus.load(dir))
        .hasMessageEndingWith(
            "combined_windows.json: no windows in any file; NAB's normalised score needs at least one");
  }

  @Test
  void rejectsADirectoryThatIsNoCorpus() {
    assertThatThrownBy(() -> NabCorpus.load(dir))
        .isInstanceOf(InputException.class)
        .hasMessage(
            dir.resolve("labels/combined_windows.json")
                + ": no such file; expected a corpus in NAB's layout");
  }
}
