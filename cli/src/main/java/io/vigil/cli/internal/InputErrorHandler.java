package io.vigil.cli.internal;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns bad input ({@link InputException}) into one line on stderr and exit code 2, the code
 * picocli uses for bad arguments, and a failed write ({@link OutputException}) into one line and
 * exit code 1. Any other exception is a bug: picocli prints its stack trace and exits with 1.
 */
public final class InputErrorHandler implements IExecutionExceptionHandler {

  /** Exit code for bad input. */
  public static final int BAD_INPUT = 2;

  /** Exit code for a command that failed for a reason other than its input. */
  public static final int FAILED = 1;

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult)
      throws Exception {
    if (e instanceof InputException) {
      cmd.getErr().println("vigil: " + TerminalText.escape(e.getMessage()));
      cmd.getErr().flush();
      return BAD_INPUT;
    }
    if (e instanceof OutputException) {
      cmd.getErr().println("vigil: " + TerminalText.escape(e.getMessage()));
      cmd.getErr().flush();
      return FAILED;
    }
    throw e;
  }
}
