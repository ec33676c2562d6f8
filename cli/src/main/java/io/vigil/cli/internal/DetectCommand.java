package io.vigil.cli.internal;

import io.vigil.detect.AnomalyDetector;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil detect}: runs a detector over a {@code timestamp,value} file. */
@Command(
    name = "detect",
    mixinStandardHelpOptions = true,
    description = {
      "Scores every row of a timestamp,value CSV file with a streaming detector.",
      "Timestamps: yyyy-MM-dd HH:mm:ss (UTC, as NAB writes them), ISO-8601 or epoch milliseconds.",
      "Output: timestamp,value,anomaly_score,is_anomaly, one row per input row, in order,"
          + " streamed; -o writes the file whole or not at all."
    })
public final class DetectCommand implements Callable<Integer> {

  @Option(
      names = "--detector",
      defaultValue = "default",
      paramLabel = "NAME",
      description = "Detector to run (default: ${DEFAULT-VALUE}); the detectors are listed below.")
  String detector;

  @Mixin SetOption settings;

  @Parameters(index = "0", paramLabel = "INPUT.csv", description = "CSV file with timestamp,value.")
  Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "OUTPUT.csv",
      description = "Where to write the scores (default: standard output).")
  @Nullable Path output;

  private CommandSpec spec;

  /** Lists the catalog's detectors, with their settings, under the options in {@code --help}. */
  @Spec
  void spec(CommandSpec spec) {
    this.spec = spec;
    spec.usageMessage().footerHeading("%nDetectors:%n").footer(DetectorHelp.text());
  }

  @Override
  public Integer call() throws IOException {
    AnomalyDetector instance = DetectorChoice.configure(detector, settings.values()).get();
    if (output == null) {
      // Streamed: memory stays flat whatever the input's size; a failed write stops the run.
      Writer out = StandardOutput.failFast(spec.commandLine().getOut());
      DetectorRunner.run(input, instance, DetectorRunner.IS_ANOMALY, out);
      out.flush();
      return 0;
    }
    try (OutputFile file = OutputFile.open(output)) {
      DetectorRunner.run(input, instance, DetectorRunner.IS_ANOMALY, file.writer());
      file.commit();
    }
    return 0;
  }
}
