package io.vigil.cli.internal;

import io.vigil.cli.VigilCommand;
import java.io.StringWriter;

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
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Launcher.run(out, err, args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
