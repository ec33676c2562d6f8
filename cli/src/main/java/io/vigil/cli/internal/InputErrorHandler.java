package io.vigil.cli.internal;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns bad input ({@link InputException}, {@link IllegalArgumentException}) into one line on
 * stderr and exit code 2, the code picocli uses for bad arguments; anything else is a failure.
 */
public final class InputErrorHandler implements IExecutionExceptionHandler {

  static final int BAD_INPUT = 2;

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult)
      throws Exception {
    if (e instanceof InputException || e instanceof IllegalArgumentException) {
      cmd.getErr().println("vigil: " + e.getMessage());
      return BAD_INPUT;
    }
    throw e;
  }
}
