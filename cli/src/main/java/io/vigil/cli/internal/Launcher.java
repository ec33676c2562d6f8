package io.vigil.cli.internal;

import io.vigil.cli.VigilCommand;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import picocli.CommandLine;

/**
 * Runs one {@code vigil} command line over given output streams and turns a failed write to
 * standard output, whatever wrote it (a command, {@code --help}, picocli's own messages), into one
 * line on standard error and exit code 1.
 */
public final class Launcher {

  private Launcher() {}

  /** Runs on the process's standard output and error. */
  public static int run(String... args) {
    Charset charset = Charset.defaultCharset();
    return run(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), charset),
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), charset),
        args);
  }

  /** Runs with {@code out} and {@code err} as standard output and error, and returns the code. */
  public static int run(Writer out, Writer err, String... args) {
    StandardOutput stdout = StandardOutput.over(out);
    StandardOutput stderr = StandardOutput.over(err);
    CommandLine cli = VigilCommand.commandLine();
    cli.setOut(stdout);
    cli.setErr(stderr);
    int code = cli.execute(args);
    IOException failure = stdout.failure();
    if (failure != null && code == 0) {
      // The command did not notice (help, a short report): its output is lost, so it failed.
      stderr.println(
          "vigil: "
              + TerminalText.escape(new OutputException("standard output", failure).getMessage()));
      code = InputErrorHandler.FAILED;
    }
    stderr.flush();
    return code;
  }
}
