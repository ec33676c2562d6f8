package io.vigil.cli.internal.rca;

import io.vigil.cli.internal.InputException;
import io.vigil.cli.internal.SetOption;
import io.vigil.cli.internal.TerminalText;
import io.vigil.rca.RankedCause;
import io.vigil.rca.RankerSettings;
import io.vigil.rca.RootCauseRanker;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vigil rca eval}: runs a ranker over a labelled fault dataset and prints AC@k. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Ranks every fault of a dataset and prints, per fault type and overall,",
      "AC@1, AC@3 and Avg@5 at service level; the last line is the overall one."
    })
final class RcaEvalCommand implements Callable<Integer> {

  /** The dataset layouts the harness reads. */
  enum Format {
    RCD,
    NEZHA
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      required = true,
      description = "Dataset layout: ${COMPLETION-CANDIDATES}.")
  Format format;

  @Option(
      names = "--signals",
      defaultValue = "both",
      description =
          "For --format nezha: ${COMPLETION-CANDIDATES}: the pod metrics, the signals learned"
              + " from the day's spans, or both (default: ${DEFAULT-VALUE}).")
  SignalSource signals;

  @Option(names = "--data", required = true, description = "Dataset directory.")
  Path data;

  @Option(
      names = "--method",
      defaultValue = "vigil",
      description = "Ranker: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  RankingMethod method;

  @Mixin SetOption settings;

  @Option(names = "--verbose", description = "Print the rank and top three of every case.")
  boolean verbose;

  @Override
  public Integer call() {
    if (!Files.isDirectory(data)) {
      throw new InputException("--data " + data + ": not a directory");
    }
    RootCauseRanker ranker = method.ranker(rankerSettings(settings.values()));
    List<EvalCase> cases =
        switch (format) {
          case RCD -> RcdDataset.load(data);
          case NEZHA -> NezhaDataset.load(data, signals);
        };
    PrintWriter out = spec.commandLine().getOut();
    Scoreboard board = new Scoreboard();
    for (EvalCase c : cases) {
      List<RankedCause> ranking = ranker.rank(c.incident());
      int rank = rankOf(ranking, c.rootCause());
      board.add(c.faultType(), c.group(), rank);
      if (verbose) {
        out.println(
            TerminalText.escape(
                "rank="
                    + rank
                    + " "
                    + c.faultType()
                    + " "
                    + c.rootCause()
                    + " top="
                    + ranking.stream()
                        .limit(3)
                        .map(r -> describe(r, c.incident().startMillis()))
                        .collect(Collectors.joining(","))
                    + " truth="
                    + ranking.stream()
                        .filter(r -> r.service().equals(c.rootCause()))
                        .map(r -> describe(r, c.incident().startMillis()))
                        .collect(Collectors.joining())
                    + " "
                    + c.id()));
      }
    }
    board.lines().forEach(out::println);
    out.flush();
    return 0;
  }

  /** The vigil ranker's settings with the user's {@code --set} over the defaults. */
  static RankerSettings rankerSettings(Map<String, String> settings) {
    try {
      return RankerSettings.builder().setAll(settings).build();
    } catch (IllegalArgumentException e) {
      throw new InputException("--set " + e.getMessage(), e);
    }
  }

  private static String describe(RankedCause cause, long start) {
    return String.format(Locale.ROOT, "%s:%.3g", cause.service(), cause.score())
        + cause.evidence().stream()
            .limit(3)
            .map(
                e ->
                    String.format(
                        Locale.ROOT,
                        "[%s %.3g @%ds]",
                        e.signal(),
                        e.deviation(),
                        e.moved() ? (e.onsetMillis() - start) / 1000 : -1))
            .collect(Collectors.joining());
  }

  /**
   * The 1-based position of the service in the ranking, 0 when absent. A tie counts against it: the
   * truth ranks after every other cause with the same score, so that the order ties happen to come
   * out in never earns a hit.
   */
  static int rankOf(List<RankedCause> ranking, String service) {
    for (RankedCause truth : ranking) {
      if (truth.service().equals(service)) {
        return (int) ranking.stream().filter(r -> r.score() >= truth.score()).count();
      }
    }
    return 0;
  }
}
