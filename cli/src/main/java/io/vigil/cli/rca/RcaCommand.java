package io.vigil.cli.rca;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code vigil rca}: ranks the likely root causes of an incident. */
@Command(
    name = "rca",
    mixinStandardHelpOptions = true,
    description = "Root-cause analysis: rank the likely causes of an incident.",
    subcommands = {RcaEvalCommand.class})
public final class RcaCommand implements Callable<Integer> {

  @Override
  public Integer call() {
    return 0;
  }
}
