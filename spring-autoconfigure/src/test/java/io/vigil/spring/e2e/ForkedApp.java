package io.vigil.spring.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A Spring Boot application in a JVM of its own, on the test classpath: its logging starts from
 * scratch, as a user's application does. Collects its output and stops it on close.
 */
final class ForkedApp implements AutoCloseable {

  private static final Pattern STARTED_ON_PORT = Pattern.compile("started on port (\\d+)");

  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  private ForkedApp(Process process) {
    this.process = process;
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process ended
              }
            });
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code mainClass} with these arguments. */
  static ForkedApp start(Class<?> mainClass, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    return new ForkedApp(new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  /** Waits for the web server's port, at most two minutes; null when it never started. */
  @Nullable Integer awaitPort() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && process.isAlive()) {
      for (String line : lines) {
        Matcher m = STARTED_ON_PORT.matcher(line);
        if (m.find()) {
          return Integer.valueOf(m.group(1));
        }
      }
      Thread.sleep(100);
    }
    return null;
  }

  /** Waits for a line this predicate accepts, at most two minutes; null when none came. */
  @Nullable String awaitLine(java.util.function.Predicate<String> wanted)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      for (String line : lines) {
        if (wanted.test(line)) {
          return line;
        }
      }
      if (!process.isAlive()) {
        return null;
      }
      Thread.sleep(100);
    }
    return null;
  }

  /** Everything it wrote so far, one entry a line. */
  List<String> lines() {
    return List.copyOf(lines);
  }

  /** Its output, for an assertion's message. */
  String output() {
    return String.join("\n", lines);
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
