package io.vigil.cli.internal;

import io.vigil.cli.VigilCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * What a {@code vigil} command line did: exit code, standard output and standard error.
 *
 * @param code the exit code
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
public record CliRun(int code, String out, String err) {

  /** Runs {@code vigil} with the given arguments, as {@link VigilCommand#main} would. */
  public static CliRun of(String... args) {
    CommandLine cli = VigilCommand.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
