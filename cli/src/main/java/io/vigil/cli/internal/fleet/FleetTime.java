package io.vigil.cli.internal.fleet;

import io.vigil.cli.internal.InputException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Times and durations as Prometheus users write them: RFC 3339, Unix seconds, now-15m, 90s. */
public final class FleetTime {

  private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");
  private static final Pattern RELATIVE = Pattern.compile("now(?:-(\\d{1,9}(?:ms|s|m|h|d)))?");
  private static final Pattern UNIX = Pattern.compile("\\d{1,12}(?:\\.\\d{1,9})?");

  private FleetTime() {}

  /** A positive duration such as {@code 60s}, {@code 5m} or {@code 1h}, in milliseconds. */
  public static long durationMillis(String option, String text) {
    Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
      throw new InputException(
          option + ": '" + text + "' is not a positive duration such as 250ms, 60s, 5m, 1h or 1d");
    }
    long amount = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "ms" -> amount;
      case "s" -> amount * 1_000L;
      case "m" -> amount * 60_000L;
      case "h" -> amount * 3_600_000L;
      default -> amount * 86_400_000L;
    };
  }

  /** A point in time: RFC 3339, Unix seconds (fraction allowed), {@code now} or {@code now-1h}. */
  static long instantMillis(String option, String text, long nowMillis) {
    String s = text.trim();
    Matcher relative = RELATIVE.matcher(s);
    if (relative.matches()) {
      return relative.group(1) == null
          ? nowMillis
          : nowMillis - durationMillis(option, relative.group(1));
    }
    if (UNIX.matcher(s).matches()) {
      return new BigDecimal(s).movePointRight(3).longValue();
    }
    try {
      return Instant.parse(s).toEpochMilli();
    } catch (DateTimeParseException e) {
      throw new InputException(
          option
              + ": '"
              + text
              + "' is not a time; expected RFC 3339 (2026-12-02T07:00:00Z), Unix seconds,"
              + " now or now-DURATION");
    }
  }
}
