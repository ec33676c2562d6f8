package io.vigil.cli.internal.nab;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil nab score}: scores a detector's existing result files. */
@Command(
    name = "score",
    mixinStandardHelpOptions = true,
    description = {
      "Scores result files in NAB's layout (<results>/<detector>/<category>/<detector>_<file>.csv)"
          + " with NAB's rules and prints the normalised scores, last line:",
      "standard=X reward_low_FP=Y reward_low_FN=Z"
    })
final class NabScoreCommand implements Callable<Integer> {

  @Option(names = "--corpus", required = true, paramLabel = "DIR", description = "NAB corpus.")
  Path corpus;

  @Option(
      names = "--results",
      required = true,
      paramLabel = "DIR",
      description = "Directory holding <detector>/<category>/<detector>_<file>.csv.")
  Path results;

  @Option(
      names = "--detector",
      required = true,
      paramLabel = "NAME",
      description = "Detector name in the result layout, such as windowedGaussian.")
  String detector;

  @Option(names = "--detail", description = "Also print each file's score and counts.")
  boolean detail;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    NabCorpus nab = NabCorpus.load(corpus);
    NabScore score = NabScorer.of(nab).scoreResults(results, detector);
    NabReport.print(score, detail, spec.commandLine().getOut());
    return 0;
  }
}
