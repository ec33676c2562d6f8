package io.vigil.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Temporary files that are not yet committed, deleted by a shutdown hook when the process ends
 * first (SIGTERM, Ctrl-C, {@code System.exit}), so that an interrupted run leaves no {@code *.tmp}
 * behind. SIGKILL cannot be caught; nothing can clean up after it.
 */
final class PendingFiles {

  private static final Set<Path> PENDING = new LinkedHashSet<>();
  private static boolean hooked;

  private PendingFiles() {}

  static synchronized void add(Path temp) {
    if (!hooked) {
      Runtime.getRuntime().addShutdownHook(new Thread(PendingFiles::deleteAll, "vigil-cleanup"));
      hooked = true;
    }
    PENDING.add(temp);
  }

  static synchronized void remove(Path temp) {
    PENDING.remove(temp);
  }

  private static void deleteAll() {
    List<Path> left;
    synchronized (PendingFiles.class) {
      left = new ArrayList<>(PENDING);
      PENDING.clear();
    }
    for (Path temp : left) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // The process is ending: nowhere left to report it, and nothing else to do.
      }
    }
  }
}
