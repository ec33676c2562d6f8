package io.vigil.cli.internal;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.jspecify.annotations.Nullable;

/**
 * Output that appears whole or not at all: written to a temporary file beside the target (or in the
 * temporary directory, for standard output) and moved into place, or copied out, only on {@link
 * #commit()}. Closing without committing deletes the temporary file.
 */
public final class AtomicOutput implements Closeable {

  private final @Nullable Path target;
  private final @Nullable PrintWriter stdout;
  private final Path temp;
  private final BufferedWriter writer;
  private boolean committed;

  private AtomicOutput(@Nullable Path target, @Nullable PrintWriter stdout, Path temp)
      throws IOException {
    this.target = target;
    this.stdout = stdout;
    this.temp = temp;
    this.writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8);
  }

  /**
   * Output to a file, moved into place atomically on commit.
   *
   * @throws InputException when the target's directory does not exist or cannot be written
   */
  public static AtomicOutput toFile(Path target) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      return new AtomicOutput(
          target, null, Files.createTempFile(dir, "." + target.getFileName(), ".tmp"));
    } catch (IOException e) {
      throw new InputException(target + ": cannot write: " + e.getMessage(), e);
    }
  }

  /** Output to standard output, copied out on commit. */
  public static AtomicOutput toStdout(PrintWriter out) {
    try {
      return new AtomicOutput(null, out, Files.createTempFile("vigil-", ".csv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The writer for the content. */
  public BufferedWriter writer() {
    return writer;
  }

  /** Makes the output visible: moves the file into place or copies it to standard output. */
  public void commit() throws IOException {
    writer.close();
    if (target != null) {
      try {
        Files.move(
            temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } else if (stdout != null) {
      stdout.write(Files.readString(temp, StandardCharsets.UTF_8));
      stdout.flush();
    }
    committed = true;
  }

  @Override
  public void close() throws IOException {
    writer.close();
    if (!committed || target == null) {
      Files.deleteIfExists(temp);
    }
  }
}
