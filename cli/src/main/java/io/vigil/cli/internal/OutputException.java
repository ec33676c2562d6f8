package io.vigil.cli.internal;

import java.io.IOException;

/**
 * Output that could not be written (disk full, a closed pipe, a device that refuses it): printed as
 * one line, exit code 1. It is the environment failing, not bad input and not a bug.
 */
public final class OutputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failed write to {@code where}, with the system's reason. */
  public OutputException(String where, IOException cause) {
    super(where + ": cannot write: " + reason(cause), cause);
  }

  /** The system's reason for a failed write, such as {@code No space left on device}. */
  static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
