package io.vigil.cli.internal.nab;

import io.vigil.cli.internal.DetectorChoice;
import io.vigil.cli.internal.DetectorRunner;
import io.vigil.cli.internal.InputException;
import io.vigil.cli.internal.OutputFile;
import io.vigil.cli.internal.SetOption;
import io.vigil.detect.AnomalyDetector;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil nab run}: runs a detector over a whole corpus, writes NAB's results, scores them.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Runs a detector over every data/<category>/<file>.csv of a corpus, one fresh detector per"
          + " file, writes <out>/<NAME>/<category>/<NAME>_<file>.csv"
          + " (timestamp,value,anomaly_score,label) as NAB does, then scores them; last line:",
      "standard=X reward_low_FP=Y reward_low_FN=Z"
    })
final class NabRunCommand implements Callable<Integer> {

  @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "NAB corpus.")
  Path corpus;

  @Option(
      names = "--detector",
      required = true,
      paramLabel = "NAME",
      description = "Detector from the catalog (vigil detect --help lists them).")
  String detector;

  @Mixin SetOption settings;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Results directory.")
  Path out;

  @Option(names = "--detail", description = "Also print each file's score and counts.")
  boolean detail;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    Supplier<AnomalyDetector> detectors = DetectorChoice.configure(detector, settings.values());
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new InputException("--out " + out + ": not a directory; expected a results directory");
    }
    NabCorpus nab = NabCorpus.load(corpus);
    PrintWriter progress = spec.commandLine().getErr();
    List<NabSeries> series = nab.series();
    for (int i = 0; i < series.size(); i++) {
      NabSeries s = series.get(i);
      long started = System.nanoTime();
      Path target = ResultFiles.path(out, detector, s);
      createDirectories(target.getParent());
      try (OutputFile output = OutputFile.open(target)) {
        DetectorRunner.run(nab.dataFile(s), detectors.get(), new WindowLabel(s), output.writer());
        output.commit();
      }
      progress.printf(
          "[%2d/%d] %s: %d rows, %d ms%n",
          i + 1, series.size(), s.key(), s.rows(), (System.nanoTime() - started) / 1_000_000);
      progress.flush();
    }
    NabScore score = NabScorer.of(nab).score(ResultFiles.read(out, detector, nab));
    NabReport.print(score, detail, spec.commandLine().getOut());
    return 0;
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      throw new InputException(
          dir + ": cannot create the results directory: " + e.getFile() + " is not a directory", e);
    } catch (IOException e) {
      String reason =
          e instanceof FileSystemException f && f.getReason() != null
              ? f.getReason()
              : e.toString();
      throw new InputException(dir + ": cannot create the results directory: " + reason, e);
    }
  }
}
