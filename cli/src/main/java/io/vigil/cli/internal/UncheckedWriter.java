package io.vigil.cli.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * A buffered writer whose failed writes throw {@link OutputException} naming where the output went,
 * so that a command stops at the first lost buffer and says why in one line.
 */
final class UncheckedWriter extends Writer {

  private static final int BUFFER = 1 << 16;

  private final String where;
  private final Writer out;

  private UncheckedWriter(String where, Writer out) {
    this.where = where;
    this.out = out;
  }

  /** A buffered writer onto {@code out}; {@code where} names it in errors. */
  static BufferedWriter of(String where, Writer out) {
    return new BufferedWriter(new UncheckedWriter(where, out), BUFFER);
  }

  @Override
  public void write(char[] chars, int off, int len) {
    try {
      out.write(chars, off, len);
    } catch (IOException e) {
      throw new OutputException(where, e);
    }
  }

  @Override
  public void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new OutputException(where, e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new OutputException(where, e);
    }
  }
}
