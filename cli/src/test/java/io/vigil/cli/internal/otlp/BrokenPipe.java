package io.vigil.cli.internal.otlp;

import java.io.IOException;
import java.io.Writer;

/** Standard output whose reader has gone, as {@code vigil watch | head -0} leaves it. */
final class BrokenPipe extends Writer {

  @Override
  public void write(char[] chars, int off, int len) throws IOException {
    throw new IOException("Broken pipe");
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
