package io.vigil.cli.internal;

/**
 * Makes names from input files safe to show on a terminal: control characters (C0, DEL, C1), line
 * and paragraph separators and bidirectional overrides become visible escapes, so a service named
 * {@code "db\n1. database score=9.999"} or holding ESC cannot forge a line or drive the terminal.
 * Backslash is escaped too, so the escaped text reads back unambiguously.
 */
public final class TerminalText {

  private TerminalText() {}

  /**
   * The text with every unsafe character written as {@code \n}, {@code \r}, {@code \t} or {@code
   * \}{@code uXXXX}.
   */
  public static String escape(String text) {
    int i = 0;
    while (i < text.length() && !unsafe(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder b = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!unsafe(c)) {
        b.append(c);
        continue;
      }
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> b.append(String.format("\\u%04x", (int) c));
      }
    }
    return b.toString();
  }

  private static boolean unsafe(char c) {
    return c < 0x20
        || c == '\\'
        || (c >= 0x7f && c <= 0x9f)
        || c == '\u2028'
        || c == '\u2029'
        || (c >= '\u202a' && c <= '\u202e')
        || (c >= '\u2066' && c <= '\u2069');
  }
}
