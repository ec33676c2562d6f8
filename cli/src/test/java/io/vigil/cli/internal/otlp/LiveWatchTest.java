package io.vigil.cli.internal.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.cli.internal.Launcher;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vigil watch} live, on the scripted fleet with its fault struck once the watch has warmed
 * up: in a JVM of its own, SIGTERM right after its report line still delivers the report's event
 * and exits 143; and a report that cannot be written ends the watch instead of watching on.
 */
class LiveWatchTest {

  /** Bounds every wait, generous for a loaded 2-core machine; no test asserts a duration. */
  private static final long PATIENCE_MINUTES = 3;

  @TempDir Path dir;
  private ScriptedFleet fleet;

  @BeforeEach
  void startFleet() throws IOException {
    fleet = new ScriptedFleet(Long.MAX_VALUE, Long.MAX_VALUE);
  }

  @AfterEach
  void stopFleet() {
    fleet.close();
  }

  @Test
  void aReportThatCannotBeWrittenEndsTheLiveWatchWithExitCodeOne() throws Exception {
    ExecutorService thread = Executors.newSingleThreadExecutor();
    StringWriter err = new StringWriter();
    Future<Integer> watch =
        thread.submit(
            () -> Launcher.run(new BrokenPipe(), err, watchArgs().toArray(String[]::new)));
    try {
      strikeOnceWarmedUp(() -> !watch.isDone());
      int code;
      try {
        code = watch.get(PATIENCE_MINUTES, TimeUnit.MINUTES);
      } catch (TimeoutException e) {
        throw new AssertionError("the live watch ran on after its output broke; stderr: " + err);
      }
      assertThat(code).as("exit code, documented as 1 for a failed write; stderr: %s", err).isOne();
      assertThat(err.toString().lines().toList())
          .last()
          .isEqualTo("vigil: standard output: cannot write: Broken pipe");
    } finally {
      watch.cancel(true);
      thread.shutdownNow();
    }
  }

  /** Waits for the watch's first query (its warm-up), then strikes {@code db} for six steps. */
  private void strikeOnceWarmedUp(BooleanSupplier running) throws InterruptedException {
    await("the watch's first query", () -> !running.getAsBoolean() || fleet.answered() > 0);
    long now = System.currentTimeMillis();
    fleet.fault(now + 2_000, now + 8_000);
  }

  /** A live watch stepping every second, one millisecond behind the clock. */
  private List<String> watchArgs() throws IOException {
    return List.of(
        "watch",
        "--prometheus",
        fleet.url(),
        "--queries",
        ScriptedFleet.queries(dir).toString(),
        "--step",
        "1s",
        "--lag",
        "1ms",
        "--baseline",
        "2m");
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(PATIENCE_MINUTES);
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
