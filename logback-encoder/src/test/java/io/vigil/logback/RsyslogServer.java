package io.vigil.logback;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real rsyslogd started as a child process: imtcp on 127.0.0.1, every received line parsed by
 * mmjsonparse, parsed events written as JSON lines to one file and lines that failed to parse to
 * another.
 */
final class RsyslogServer implements AutoCloseable {

  /** The largest line rsyslog accepts whole; larger ones it would cut. */
  static final String MAX_MESSAGE_SIZE = "4m";

  private final Path dir;
  private final int port;
  private final Process process;

  private RsyslogServer(Path rsyslogd, Path dir) throws IOException, InterruptedException {
    this.dir = dir;
    this.port = freePort();
    Path config = dir.resolve("rsyslog.conf");
    Files.writeString(config, config(), StandardCharsets.UTF_8);
    process =
        new ProcessBuilder(
                rsyslogd.toString(),
                "-n",
                "-f",
                config.toString(),
                "-i",
                dir.resolve("rsyslogd.pid").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("rsyslogd.out").toFile())
            .start();
    awaitListening();
  }

  /** Finds rsyslogd in the usual places, empty when it is not installed. */
  static Optional<Path> findRsyslogd() {
    return Stream.of("/usr/sbin/rsyslogd", "/sbin/rsyslogd", "/usr/local/sbin/rsyslogd")
        .map(Path::of)
        .filter(Files::isExecutable)
        .findFirst();
  }

  /** Starts rsyslogd with its files in the given directory and waits until it listens. */
  static RsyslogServer start(Path rsyslogd, Path dir) throws IOException, InterruptedException {
    return new RsyslogServer(rsyslogd, dir);
  }

  int port() {
    return port;
  }

  Path parsedFile() {
    return dir.resolve("parsed.jsonl");
  }

  Path failedFile() {
    return dir.resolve("failed.log");
  }

  /** Waits until the parsed file holds at least {@code count} lines or the timeout passes. */
  List<String> awaitParsedLines(int count, Duration timeout)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> lines = parsedLines();
    while (lines.size() < count && System.nanoTime() < deadline && process.isAlive()) {
      Thread.sleep(200);
      lines = parsedLines();
    }
    return lines;
  }

  List<String> parsedLines() throws IOException {
    return Files.exists(parsedFile())
        ? Files.readAllLines(parsedFile(), StandardCharsets.UTF_8)
        : List.of();
  }

  String output() throws IOException {
    Path out = dir.resolve("rsyslogd.out");
    return Files.exists(out) ? Files.readString(out) : "";
  }

  private String config() {
    return """
        global(maxMessageSize="%1$s" workDirectory="%2$s")
        module(load="imtcp")
        module(load="mmjsonparse")
        template(name="parsed" type="string" string="%%$!all-json%%\\n")
        template(name="raw" type="string" string="%%rawmsg%%\\n")
        ruleset(name="json") {
          action(type="mmjsonparse" cookie="" useRawMsg="on")
          if $parsesuccess == "OK" then {
            action(type="omfile" file="%2$s/parsed.jsonl" template="parsed")
          } else {
            action(type="omfile" file="%2$s/failed.log" template="raw")
          }
        }
        input(type="imtcp" address="127.0.0.1" port="%3$d" ruleset="json")
        """
        .formatted(MAX_MESSAGE_SIZE, dir, port);
  }

  private void awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("rsyslogd exited at start:\n" + output());
      }
      try (Socket probe = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IllegalStateException("rsyslogd did not listen on port " + port + ":\n" + output());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  /** Stops rsyslogd with SIGTERM, which flushes its output files, and waits for it to exit. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
