package io.vigil.cli.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import org.jspecify.annotations.Nullable;

/**
 * Standard output for picocli that remembers why a write failed. A {@link PrintWriter} swallows
 * write errors; this one keeps the first, so that a command whose output was lost ({@code >
 * /dev/full}, a closed pipe) fails with the system's reason instead of exiting 0.
 */
public final class StandardOutput extends PrintWriter {

  private final Sink sink;

  private StandardOutput(Sink sink) {
    super(new BufferedWriter(sink, 1 << 16), true);
    this.sink = sink;
  }

  /** Standard output over {@code out}, flushed on every {@code println}. */
  public static StandardOutput over(Writer out) {
    return new StandardOutput(new Sink(out));
  }

  /** The first write error, or null when every write so far succeeded. */
  public @Nullable IOException failure() {
    flush();
    return sink.failure;
  }

  /**
   * A writer for bulk output onto {@code out} that fails fast: it throws {@link OutputException} at
   * the first buffer that could not be written, so that a long run stops instead of writing into
   * the void.
   */
  public static Writer failFast(PrintWriter out) {
    return UncheckedWriter.of(
        "standard output",
        new Writer() {
          @Override
          public void write(char[] chars, int off, int len) throws IOException {
            out.write(chars, off, len);
            check();
          }

          @Override
          public void flush() throws IOException {
            check();
          }

          @Override
          public void close() throws IOException {
            check();
          }

          private void check() throws IOException {
            if (out.checkError()) {
              throw failureOf(out);
            }
          }
        });
  }

  /**
   * Flushes {@code out} and throws {@link OutputException} when a write to it has failed, so that a
   * command that writes line by line ({@code watch}) stops at the first lost line, exit code 1.
   */
  public static void check(PrintWriter out) {
    if (out.checkError()) {
      throw new OutputException("standard output", failureOf(out));
    }
  }

  /** The system's reason for {@code out}'s failed write, when it kept one. */
  private static IOException failureOf(PrintWriter out) {
    return out instanceof StandardOutput s && s.sink.failure != null
        ? s.sink.failure
        : new IOException("write error");
  }

  /** Passes writes on and keeps the first exception, rethrowing it for PrintWriter to flag. */
  private static final class Sink extends Writer {

    private final Writer out;
    private @Nullable IOException failure;

    Sink(Writer out) {
      this.out = out;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
      try {
        out.write(chars, off, len);
      } catch (IOException e) {
        remember(e);
        throw e;
      }
    }

    @Override
    public void flush() throws IOException {
      try {
        out.flush();
      } catch (IOException e) {
        remember(e);
        throw e;
      }
    }

    @Override
    public void close() throws IOException {
      out.close();
    }

    private void remember(IOException e) {
      if (failure == null) {
        failure = e;
      }
    }
  }
}
