package io.vigil.detect;

import java.util.Locale;

/** Parses the short durations used in detector settings: {@code 250ms}, {@code 30s}, {@code 7d}. */
final class Durations {

  private Durations() {}

  /**
   * Parses a positive duration with a unit of ms, s, m, h or d.
   *
   * @throws IllegalArgumentException when the text is not such a duration
   */
  static long parseMillis(String text) {
    String s = text.trim().toLowerCase(Locale.ROOT);
    int split = 0;
    while (split < s.length() && Character.isDigit(s.charAt(split))) {
      split++;
    }
    if (split == 0 || split == s.length()) {
      throw new IllegalArgumentException(text);
    }
    long amount = Long.parseLong(s.substring(0, split));
    long unit =
        switch (s.substring(split)) {
          case "ms" -> 1L;
          case "s" -> 1_000L;
          case "m" -> 60_000L;
          case "h" -> 3_600_000L;
          case "d" -> 86_400_000L;
          default -> throw new IllegalArgumentException(text);
        };
    if (amount <= 0) {
      throw new IllegalArgumentException(text);
    }
    try {
      return Math.multiplyExact(amount, unit);
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
