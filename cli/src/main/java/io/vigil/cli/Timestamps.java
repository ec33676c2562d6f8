package io.vigil.cli;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Reads the timestamps of Vigil's input files: NAB's {@code yyyy-MM-dd HH:mm:ss} (UTC, with an
 * optional fraction as in NAB's label files), ISO-8601 (UTC unless it names an offset or zone), or
 * epoch milliseconds.
 */
public final class Timestamps {

  /** What the parser accepts, for error messages. */
  public static final String EXPECTED = "yyyy-MM-dd HH:mm:ss (UTC), ISO-8601 or epoch milliseconds";

  private static final DateTimeFormatter NAB =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .appendLiteral(' ')
          .append(DateTimeFormatter.ISO_LOCAL_TIME)
          .toFormatter(Locale.ROOT);

  private Timestamps() {}

  /**
   * Parses one timestamp to epoch milliseconds.
   *
   * @throws DateTimeException when the text is none of the accepted forms
   */
  public static long parseMillis(String text) {
    String s = text.trim();
    if (isEpochMillis(s)) {
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        throw new DateTimeException("epoch milliseconds out of range: " + s, e);
      }
    }
    TemporalAccessor parsed =
        s.indexOf('T') > 0
            ? DateTimeFormatter.ISO_DATE_TIME.parseBest(s, ZonedDateTime::from, LocalDateTime::from)
            : NAB.parse(s, LocalDateTime::from);
    if (parsed instanceof ZonedDateTime zoned) {
      return zoned.toInstant().toEpochMilli();
    }
    return ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  private static boolean isEpochMillis(String s) {
    int start = s.startsWith("-") ? 1 : 0;
    if (s.length() == start) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
