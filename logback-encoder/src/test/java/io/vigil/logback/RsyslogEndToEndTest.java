package io.vigil.logback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import ch.qos.logback.core.status.Status;
import io.vigil.logback.internal.ValueSanitizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import tools.jackson.databind.JsonNode;

/**
 * Ships 100,000 events, hostile ones among them, through logstash-logback-encoder's TCP appender
 * with Vigil's encoder to a real rsyslogd that parses each line with mmjsonparse: every event must
 * arrive, parse, and carry the content it was logged with. rsyslogd is installed by {@code
 * scripts/setup-test-deps.sh}; the test is skipped only where it is not installed.
 */
class RsyslogEndToEndTest {

  private static final int EVENTS = 100_000;
  private static final List<String> HOSTILE = HostileInput.strings();
  private static final String HUGE = hugeMessage();

  @TempDir Path dir;

  @Test
  void everyEventArrivesParsedWholeAndUnchanged() throws Exception {
    Optional<Path> rsyslogd = RsyslogServer.findRsyslogd();
    assumeThat(rsyslogd).as("rsyslogd is installed (scripts/setup-test-deps.sh)").isPresent();
    Path serverDir = Files.createDirectories(dir.resolve("rsyslog"));

    try (RsyslogServer rsyslog = RsyslogServer.start(rsyslogd.get(), serverDir)) {
      System.setProperty("RSYSLOG_PORT", Integer.toString(rsyslog.port()));
      List<String> problems;
      List<String> lines;
      try (LogbackFixture logback = LogbackFixture.load("tcp-rsyslog.xml", dir)) {
        Logger logger = logback.logger("io.vigil.e2e");
        for (int seq = 0; seq < EVENTS; seq++) {
          log(logger, seq);
        }
        // The appender flushes at the end of every batch it takes off its ring buffer, so every
        // event reaches rsyslog while the appender runs; stopping only after they have arrived
        // keeps the appender's shutdown grace period, which a loaded machine can exceed, out of
        // the count.
        lines = rsyslog.awaitParsedLines(EVENTS, Duration.ofSeconds(90));
        logback.context().stop();
        problems =
            logback.context().getStatusManager().getCopyOfStatusList().stream()
                .filter(s -> s.getLevel() >= Status.WARN)
                .map(s -> s + " " + s.getThrowable())
                .toList();
      } finally {
        System.clearProperty("RSYSLOG_PORT");
      }
      assertThat(rsyslog.failedFile()).as("lines rsyslog could not parse").doesNotExist();
      assertThat(lines).as("events parsed by rsyslog; appender said %s", problems).hasSize(EVENTS);

      BitSet seen = new BitSet(EVENTS);
      for (String line : lines) {
        JsonNode event = LogbackFixture.parse(line);
        int seq = event.get("seq").asInt();
        assertThat(seen.get(seq)).as("event %d arrived once", seq).isFalse();
        seen.set(seq);
        assertThat(event.get("service").asString()).isEqualTo("e2e");
        assertThat(event.get("message").asString())
            .as("message of event %d", seq)
            .isEqualTo(asRsyslogParsesIt(expectedMessage(seq)));
        assertThat(event.has("encoder_error")).isFalse();
        if (seq % 500 == 0) {
          assertThat(event.get("error_type").asString()).isEqualTo("IllegalStateException");
          assertThat(event.get("stack_trace").asString()).contains("everyEventArrives");
        }
      }
      assertThat(seen.cardinality()).as("distinct events").isEqualTo(EVENTS);
    }
  }

  private static void log(Logger logger, int seq) {
    var builder = logger.atInfo().addKeyValue("seq", seq);
    if (seq % 500 == 0) {
      builder = logger.atError().addKeyValue("seq", seq).setCause(new IllegalStateException("e"));
    }
    if (seq % 10 == 1) {
      String hostile = HOSTILE.get((seq / 10) % HOSTILE.size());
      builder = builder.addKeyValue("hostile\n" + hostile, hostile);
    }
    builder.log(message(seq));
  }

  private static String message(int seq) {
    if (seq % 2_000 == 1_999) {
      return HUGE;
    }
    if (seq % 10 == 1) {
      return HOSTILE.get((seq / 10) % HOSTILE.size());
    }
    return "event " + seq + " for user123";
  }

  private static String expectedMessage(int seq) {
    String message = message(seq);
    return message.length() > VigilJsonFormatter.DEFAULT_MAX_VALUE_LENGTH
        ? ValueSanitizer.truncate(message, VigilJsonFormatter.DEFAULT_MAX_VALUE_LENGTH)
        : message;
  }

  /**
   * rsyslog's JSON parser (json-c) turns an escaped unpaired surrogate, which Jackson writes as
   * {@code \\uD800}, into U+FFFD, and rsyslog's C strings end a value at an escaped NUL ({@code
   * \\u0000}); every other character arrives unchanged.
   */
  static String asRsyslogParsesIt(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\u0000') {
        break;
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        out.append('\uFFFD');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String hugeMessage() {
    StringBuilder huge = new StringBuilder(1 << 20);
    while (huge.length() < 1 << 20) {
      huge.append("1 MB \"of\" \\hostile\\ text\r\n\tä日\uD83D\uDE00 ");
    }
    huge.setLength(1 << 20);
    return huge.toString();
  }
}
