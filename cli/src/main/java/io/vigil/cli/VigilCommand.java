package io.vigil.cli;

import io.vigil.cli.internal.DetectCommand;
import io.vigil.cli.internal.InputErrorHandler;
import io.vigil.cli.internal.Launcher;
import io.vigil.cli.internal.VersionProvider;
import io.vigil.cli.internal.nab.NabCommand;
import io.vigil.cli.internal.rca.RcaCommand;
import io.vigil.cli.internal.rca.WatchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code vigil}: Vigil's analysis on files, for offline use and for benchmarks. */
@Command(
    name = "vigil",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description =
        "Anomaly detection and root-cause analysis on files and on a Prometheus-compatible"
            + " store.",
    subcommands = {
      CommandLine.HelpCommand.class,
      DetectCommand.class,
      NabCommand.class,
      RcaCommand.class,
      WatchCommand.class
    })
public final class VigilCommand {

  /**
   * Runs the command line and exits with its code: 0 ok, 1 failure (a failed write included), 2 bad
   * input.
   */
  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /**
   * Runs the command line on standard output and error and returns its exit code; a write to
   * standard output that failed makes it 1.
   */
  public static int execute(String... args) {
    return Launcher.run(args);
  }

  /**
   * The command line with Vigil's error handling: bad input is one line and exit code 2, a failed
   * write one line and exit code 1. Run on picocli's own streams, it cannot notice a failed write
   * to standard output; {@link #execute} does.
   */
  public static CommandLine commandLine() {
    return new CommandLine(new VigilCommand())
        .setExecutionExceptionHandler(new InputErrorHandler())
        .setCaseInsensitiveEnumValuesAllowed(true);
  }
}
