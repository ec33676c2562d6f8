package io.vigil.cli.internal;

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
    if (isPlainNab(s)) {
      return nabMillis(s);
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

  /** {@code yyyy-MM-dd HH:mm:ss} exactly: NAB's data rows, read without a formatter for speed. */
  private static boolean isPlainNab(String s) {
    if (s.length() != 19) {
      return false;
    }
    for (int i = 0; i < 19; i++) {
      char c = s.charAt(i);
      boolean ok =
          switch (i) {
            case 4, 7 -> c == '-';
            case 10 -> c == ' ';
            case 13, 16 -> c == ':';
            default -> c >= '0' && c <= '9';
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static long nabMillis(String s) {
    // LocalDateTime.of validates each field, as the formatter would.
    return LocalDateTime.of(
            Integer.parseInt(s, 0, 4, 10),
            Integer.parseInt(s, 5, 7, 10),
            Integer.parseInt(s, 8, 10, 10),
            Integer.parseInt(s, 11, 13, 10),
            Integer.parseInt(s, 14, 16, 10),
            Integer.parseInt(s, 17, 19, 10))
        .toInstant(ZoneOffset.UTC)
        .toEpochMilli();
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
