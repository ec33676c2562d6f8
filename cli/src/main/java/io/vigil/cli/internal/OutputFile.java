package io.vigil.cli.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/**
 * A file written whole or not at all, as {@code cp} would leave it: streamed to a temporary file
 * beside the real target and moved over it on {@link #commit()}. A symbolic link is written
 * through, not replaced; an existing file keeps its permissions, a new one gets the umask's; a
 * device or pipe ({@code /dev/stdout}) is written directly. Closing without committing, or the
 * process ending first, deletes the temporary file.
 */
public final class OutputFile implements Closeable {

  private static final int MAX_LINKS = 40;

  private final Path target;
  private final @Nullable Path temp;
  private final Writer writer;
  private boolean committed;

  private OutputFile(Path target, @Nullable Path temp, Writer writer) {
    this.target = target;
    this.temp = temp;
    this.writer = writer;
  }

  /**
   * Opens {@code target} for writing.
   *
   * @throws InputException when it is a directory, its directory does not exist, or it cannot be
   *     created
   */
  public static OutputFile open(Path target) {
    Path real = resolve(target);
    if (Files.isDirectory(real)) {
      throw new InputException(target + ": is a directory; expected a file to write");
    }
    try {
      if (Files.exists(real) && !Files.isRegularFile(real)) {
        return new OutputFile(target, null, writer(Files.newOutputStream(real), target));
      }
      Path temp = createTemp(real, target);
      return new OutputFile(
          target, temp, writer(Files.newOutputStream(temp, StandardOpenOption.WRITE), target));
    } catch (IOException e) {
      throw new InputException(target + ": cannot write: " + OutputException.reason(e), e);
    }
  }

  /** The writer for the content; a failed write throws {@link OutputException}. */
  public Writer writer() {
    return writer;
  }

  /**
   * Makes the output visible: moves the temporary file over the target.
   *
   * @throws OutputException when the content cannot be written out or moved into place
   */
  public void commit() {
    close(writer);
    if (temp != null) {
      Path real = resolve(target);
      try {
        keepMode(real, temp);
        try {
          Files.move(
              temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, real, StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        throw new OutputException(target.toString(), e);
      } finally {
        PendingFiles.remove(temp);
      }
    }
    committed = true;
  }

  @Override
  public void close() throws IOException {
    if (!committed) {
      try {
        close(writer);
      } catch (OutputException e) {
        // Not committed: the content is discarded anyway.
      }
    }
    if (temp != null && !committed) {
      Files.deleteIfExists(temp);
      PendingFiles.remove(temp);
    }
  }

  private void close(Writer w) {
    try {
      w.close();
    } catch (IOException e) {
      throw new OutputException(target.toString(), e);
    }
  }

  /** Follows symbolic links, as {@code cp} does, to the file that is really written. */
  static Path resolve(Path target) {
    Path path = target.toAbsolutePath();
    for (int i = 0; i < MAX_LINKS && Files.isSymbolicLink(path); i++) {
      try {
        path = path.resolveSibling(Files.readSymbolicLink(path)).normalize();
      } catch (IOException e) {
        throw new InputException(target + ": cannot follow link: " + OutputException.reason(e), e);
      }
    }
    if (Files.isSymbolicLink(path)) {
      throw new InputException(target + ": too many levels of symbolic links");
    }
    return path;
  }

  private static Path createTemp(Path real, Path target) throws IOException {
    Path dir = real.getParent();
    if (!Files.isDirectory(dir)) {
      throw new InputException(target + ": cannot write: no such directory " + dir);
    }
    for (int attempt = 0; ; attempt++) {
      Path temp =
          dir.resolve(
              "."
                  + real.getFileName()
                  + "."
                  + Long.toHexString(ThreadLocalRandom.current().nextLong())
                  + ".tmp");
      // Pending before it exists: a SIGTERM right after the create must find it to delete.
      PendingFiles.add(temp);
      try {
        // No attributes: the file gets 0666 less the umask, as any new file does.
        Files.newByteChannel(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
        return temp;
      } catch (FileAlreadyExistsException e) {
        PendingFiles.remove(temp);
        if (attempt == 10) {
          throw e;
        }
      } catch (IOException e) {
        PendingFiles.remove(temp);
        throw e;
      }
    }
  }

  /** An existing target keeps its permissions, as when it is overwritten in place. */
  private static void keepMode(Path real, Path temp) throws IOException {
    PosixFileAttributeView from =
        Files.getFileAttributeView(real, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
    if (from != null && Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
      Files.setPosixFilePermissions(temp, from.readAttributes().permissions());
    }
  }

  private static Writer writer(OutputStream stream, Path target) {
    return UncheckedWriter.of(
        target.toString(), new OutputStreamWriter(stream, StandardCharsets.UTF_8));
  }
}
