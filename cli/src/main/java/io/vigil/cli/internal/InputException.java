package io.vigil.cli.internal;

/** Bad input to a command: printed as one line, exit code 2. */
public final class InputException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A message that names the file, line or field, the bad value and what was expected. */
  public InputException(String message) {
    super(message);
  }

  /** The same, keeping the cause for debugging. */
  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
