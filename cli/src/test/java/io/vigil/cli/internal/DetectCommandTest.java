package io.vigil.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.detect.DetectorCatalog;
import io.vigil.detect.DetectorType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DetectCommandTest {

  @TempDir Path dir;

  // A window of one point has std 0, replaced by 1e-6: the same value again is z = 0, score
  // 1 - Q(0) = 0.5; another value is millions of deviations away, score 1.
  private static final String NAB_ROWS =
      "timestamp,value\n"
          + "2024-01-01 00:00:00,1\n"
          + "2024-01-01 01:00:00,1.0\n"
          + "2024-01-01 02:00:00,2.5\n";

  @Test
  void writesOneRowPerInputRowEchoingTimestampAndValue() throws IOException {
    Path input = write("in.csv", NAB_ROWS);
    Path output = dir.resolve("out.csv");
    CliRun run =
        CliRun.of("detect", "--detector", "windowed-gaussian", input + "", "-o", output + "");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(Files.readAllLines(output))
        .containsExactly(
            "timestamp,value,anomaly_score,is_anomaly",
            "2024-01-01 00:00:00,1,0.00000000000,false",
            "2024-01-01 01:00:00,1.0,0.500000000000,false",
            "2024-01-01 02:00:00,2.5,1.00000000000,true");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void writesToStandardOutputWithoutOutputFile() throws IOException {
    Path input = write("in.csv", NAB_ROWS);
    CliRun run = CliRun.of("detect", "--detector", "windowed-gaussian", input.toString());
    assertThat(run.code()).isZero();
    assertThat(run.out().lines())
        .hasSize(4)
        .last()
        .isEqualTo("2024-01-01 02:00:00,2.5,1.00000000000,true");
  }

  @Test
  void readsIsoAndEpochTimestampsAndColumnsInAnyOrder() throws IOException {
    Path input =
        write(
            "in.csv",
            "value,host,timestamp\n"
                + "1,a,2024-01-01T00:00:00Z\n"
                + "1,a,1704070800000\n"
                + "2.5,a,2024-01-01T03:00:00+01:00\n");
    CliRun run = CliRun.of("detect", "--detector", "windowed-gaussian", input.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().lines())
        .containsExactly(
            "timestamp,value,anomaly_score,is_anomaly",
            "2024-01-01T00:00:00Z,1,0.00000000000,false",
            "1704070800000,1,0.500000000000,false",
            "2024-01-01T03:00:00+01:00,2.5,1.00000000000,true");
  }

  @Test
  void passesSettingsToTheDetector() throws IOException {
    Path input = write("in.csv", NAB_ROWS);
    // threshold=1e9 deviations: the jump to 2.5 (1.5e6 deviations) is no longer an anomaly.
    CliRun run =
        CliRun.of(
            "detect",
            "--detector",
            "windowed-gaussian",
            "--set",
            "threshold=1e9",
            "--set",
            "window=2",
            "--set",
            "step=1",
            input.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().lines()).last().isEqualTo("2024-01-01 02:00:00,2.5,1.00000000000,false");
  }

  @Test
  void missingInputIsOneLineAndExitCodeTwo() {
    Path input = dir.resolve("absent.csv");
    Path output = dir.resolve("out.csv");
    CliRun run = CliRun.of("detect", "--detector", "zscore", input + "", "-o", output + "");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).isEqualTo("vigil: " + input + ": no such file" + System.lineSeparator());
    assertThat(output).doesNotExist();
  }

  @Test
  void headerWithoutTheColumnsNamesTheHeader() throws IOException {
    Path input = write("in.csv", "time,value\n2024-01-01 00:00:00,1\n");
    CliRun run = CliRun.of("detect", "--detector", "zscore", input.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "vigil: "
                + input
                + ":1:1: header 'time,value' has no column 'timestamp';"
                + " expected a header with timestamp,value");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void emptyFileIsAnError() throws IOException {
    Path input = write("in.csv", "");
    CliRun run = CliRun.of("detect", "--detector", "zscore", input.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains(input + ":1:1: empty file");
  }

  @Test
  void badValueNamesFileLineAndValueAndLeavesNoOutput() throws IOException {
    Path input =
        write("in.csv", "timestamp,value\n2024-01-01 00:00:00,1\n\n2024-01-01 01:00:00,abc\n");
    Path output = dir.resolve("out.csv");
    CliRun run = CliRun.of("detect", "--detector", "zscore", input + "", "-o", output + "");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo("vigil: " + input + ":4:2: value 'abc' is not a number");
    assertThat(output).doesNotExist();
    assertThat(filesIn(dir)).containsExactly("in.csv");
  }

  @Test
  void badRowKeepsAnExistingOutputFileAsItWas() throws IOException {
    Path input = write("in.csv", "timestamp,value\nnot-a-time,1\n");
    Path output = write("out.csv", "precious\n");
    CliRun run = CliRun.of("detect", "--detector", "zscore", input + "", "-o", output + "");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "vigil: "
                + input
                + ":2:1: timestamp 'not-a-time' is not "
                + "yyyy-MM-dd HH:mm:ss (UTC), ISO-8601 or epoch milliseconds");
    assertThat(Files.readString(output)).isEqualTo("precious\n");
    assertThat(filesIn(dir)).containsExactlyInAnyOrder("in.csv", "out.csv");
  }

  @Test
  void outputIntoAMissingDirectoryIsExitCodeTwo() throws IOException {
    Path input = write("in.csv", NAB_ROWS);
    Path output = dir.resolve("no/such/dir/out.csv");
    CliRun run = CliRun.of("detect", "--detector", "zscore", input + "", "-o", output + "");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("vigil: " + output + ": cannot write: ");
    assertThat(run.err().lines()).hasSize(1);
  }

  @Test
  void rowWithTheWrongNumberOfFieldsIsAnError() throws IOException {
    Path input = write("in.csv", "timestamp,value\n2024-01-01 00:00:00,1,7\n");
    CliRun run = CliRun.of("detect", "--detector", "zscore", input.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().strip())
        .isEqualTo(
            "vigil: "
                + input
                + ":2:1: row '2024-01-01 00:00:00,1,7' has 3 fields; expected 2 as in the header");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void numbersAreStrict() throws IOException {
    for (String bad : List.of("1d", "2f", "0x1p3", "NaN", "Infinity", "1_0")) {
      Path input = write("in.csv", "timestamp,value\n2024-01-01 00:00:00," + bad + "\n");
      CliRun run = CliRun.of("detect", "--detector", "zscore", input.toString());
      assertThat(run.code()).as(bad).isEqualTo(2);
      assertThat(run.err())
          .isEqualTo("vigil: " + input + ":2:2: value '" + bad + "' is not a number\n");
    }
  }

  @Test
  void readsQuotedFieldsAndNamesTheLineOfBadCsv() throws IOException {
    Path input =
        write(
            "in.csv",
            "\"timestamp\",\"value\"\n\"2024-01-01 00:00:00\",\"1.5\"\n\n\"2024-01-01 01:00:00\",2\n");
    CliRun ok = CliRun.of("detect", "--detector", "zscore", input.toString());
    assertThat(ok.code()).as(ok.err()).isZero();
    assertThat(ok.out().lines())
        .hasSize(3)
        .element(1)
        .asString()
        .startsWith("2024-01-01 00:00:00,1.5,");
    Path broken =
        write("broken.csv", "timestamp,value\n2024-01-01 00:00:00,1\n2024-01-01 01:00:00,\"2\n");
    CliRun bad = CliRun.of("detect", "--detector", "zscore", broken.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).startsWith("vigil: " + broken + ":3:1: not valid CSV: ");
    assertThat(bad.err().lines()).hasSize(1);
  }

  @Test
  void unknownDetectorOrSettingIsExitCodeTwo() throws IOException {
    Path input = write("in.csv", NAB_ROWS);
    CliRun unknown = CliRun.of("detect", "--detector", "magic", input.toString());
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown detector 'magic'; expected one of [");
    CliRun setting =
        CliRun.of("detect", "--detector", "zscore", "--set", "colour=red", input.toString());
    assertThat(setting.code()).isEqualTo(2);
    assertThat(setting.err()).contains("detector 'zscore': no setting 'colour'");
    CliRun value =
        CliRun.of("detect", "--detector", "zscore", "--set", "window=-1", input.toString());
    assertThat(value.code()).isEqualTo(2);
    assertThat(value.err())
        .contains("setting 'window' must be an integer in [2, 1000000] but was -1");
  }

  @Test
  void aSettingThatWouldAllocatePastItsBoundIsBadInputNamingTheBound() throws IOException {
    Path input = write("in.csv", NAB_ROWS);
    int checked = 0;
    for (DetectorType type : DetectorCatalog.all()) {
      for (String key : type.defaults().keySet()) {
        if (!key.equals("window") && !key.equals("trees") && !key.equals("sample-size")) {
          continue;
        }
        CliRun run =
            CliRun.of(
                "detect", "--detector", type.name(), "--set", key + "=2147483647", input + "");
        assertThat(run.code()).as(type.name() + " " + key + ": " + run.err()).isEqualTo(2);
        assertThat(run.err().lines()).as(run.err()).hasSize(1);
        assertThat(run.err())
            .contains(key)
            .contains("2147483647")
            .containsPattern("in \\[\\d+, \\d+]");
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(2);
  }

  @Test
  void missingInputArgumentIsAUsageError() {
    CliRun run = CliRun.of("detect");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).contains("Missing required parameter: 'INPUT.csv'");
  }

  @Test
  void helpListsEveryDetectorOfTheCatalogWithItsDescription() {
    CliRun run = CliRun.of("detect", "--help");
    assertThat(run.code()).isZero();
    // Descriptions are wrapped to the terminal width: compare with whitespace collapsed.
    String help = run.out().replaceAll("\\s+", " ");
    for (DetectorType type : DetectorCatalog.all()) {
      assertThat(help).contains(" " + type.name() + " " + type.description() + " settings: ");
    }
    assertThat(run.out()).contains("settings: step=100 threshold=7.0 window=6400");
  }

  @Test
  void runsTheDefaultDetectorWithoutDetectorOption() throws IOException {
    assertThat(DetectorCatalog.find("default")).as("the catalog's default detector").isPresent();
    Path input = write("in.csv", NAB_ROWS);
    CliRun run = CliRun.of("detect", input.toString());
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out().lines()).hasSize(4);
  }

  private Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  private static List<String> filesIn(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(p -> p.getFileName().toString()).toList();
    }
  }
}
