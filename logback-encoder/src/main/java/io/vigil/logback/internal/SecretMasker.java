package io.vigil.logback.internal;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Masks secrets written inside a text value: the value after a sensitive key and {@code =} or
 * {@code :} ({@code password=...}, {@code "client_secret": "..."}, {@code Authorization: Bearer
 * ...}), a long token after {@code Bearer}, and the password of a URL's user info ({@code
 * scheme://user:password@host}).
 *
 * <p>A key is the run of letters, digits, {@code _} and {@code -} right before the separator (an
 * optional closing quote and spaces between), taken after its last {@code .}, so that {@code
 * db.password=x} is masked and {@code PasswordEncoder.java:55} is not; it is sensitive when it
 * contains one of the {@link SensitiveWords}. A quoted value ends at its closing quote; a bare one
 * at white space or one of {@code " ' , ; & ) ] }}. After the key, an authentication scheme ({@code
 * Bearer}, {@code Basic}, {@code Digest}, {@code Negotiate}, {@code Token}) followed by a space is
 * kept and the credential after it masked.
 *
 * <p>The common case is cheap: a text with no {@code :}, no {@code =} and no {@code earer} is
 * decided by three {@code indexOf} scans, and nothing is allocated unless something is masked.
 */
public final class SecretMasker {

  private static final String[] SCHEMES = {"bearer ", "basic ", "digest ", "negotiate ", "token "};

  /** Shortest credential after a bare {@code Bearer} that is masked; shorter ones are prose. */
  static final int MIN_BEARER_TOKEN = 16;

  private static final long NONE = -1;

  /**
   * Texts up to this long are checked in one loop over their characters; longer ones with {@code
   * indexOf}, which the JVM vectorizes but which costs more to set up.
   */
  private static final int SHORT = 64;

  private final SensitiveWords words;
  private final String mask;

  /**
   * Creates the masker.
   *
   * @param words the words that make a key sensitive
   * @param mask the text written in place of a secret
   */
  public SecretMasker(SensitiveWords words, String mask) {
    this.words = Objects.requireNonNull(words, "words");
    this.mask = Objects.requireNonNull(mask, "mask");
  }

  /** Returns {@code text} with its secrets masked, or {@code null} when it holds none. */
  public @Nullable String mask(String text) {
    if (text.length() <= SHORT && !mayHoldSecret(text)) {
      return null; // the common case: one pass over a short value, no separator, no "bearer"
    }
    int colon = text.indexOf(':');
    int equals = text.indexOf('=');
    int bearer = bearerAt(text, 0);
    if (colon < 0 && equals < 0 && bearer < 0) {
      return null;
    }
    StringBuilder out = null;
    int copied = 0;
    while (colon >= 0 || equals >= 0 || bearer >= 0) {
      int at = first(first(colon, equals), bearer);
      long span =
          at == bearer
              ? bearerToken(text, at)
              : keyedValue(text, at, at == colon && text.startsWith("//", at + 1));
      if (span != NONE && (int) (span >>> 32) >= copied) {
        int start = (int) (span >>> 32);
        if (out == null) {
          out = new StringBuilder(text.length() + mask.length());
        }
        out.append(text, copied, start).append(mask);
        copied = (int) span;
      }
      int next = Math.max(at + 1, copied);
      if (at == colon) {
        colon = text.indexOf(':', next);
      }
      if (at == equals) {
        equals = text.indexOf('=', next);
      }
      if (at == bearer) {
        bearer = bearerAt(text, next);
      }
    }
    return out == null ? null : out.append(text, copied, text.length()).toString();
  }

  /** Whether a short text has a {@code :}, an {@code =} or a {@code b} starting {@code bearer}. */
  private static boolean mayHoldSecret(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == ':' || c == '=') {
        return true;
      }
      if ((c | 0x20) == 'b' && text.regionMatches(true, i + 1, "earer", 0, 5)) {
        return true;
      }
    }
    return false;
  }

  /** The smaller of two indexes, where a negative one means none. */
  private static int first(int a, int b) {
    return a < 0 ? b : b < 0 ? a : Math.min(a, b);
  }

  /** The span of the value after a sensitive key ending at {@code separator}, or {@link #NONE}. */
  private long keyedValue(String text, int separator, boolean url) {
    if (url) {
      return userInfoPassword(text, separator + 3);
    }
    int keyEnd = separator;
    while (keyEnd > 0 && text.charAt(keyEnd - 1) == ' ') {
      keyEnd--;
    }
    if (keyEnd > 0 && isQuote(text.charAt(keyEnd - 1))) {
      keyEnd--;
      if (keyEnd > 0 && text.charAt(keyEnd - 1) == '\\') {
        keyEnd--; // JSON quoted inside a string: \"password\": \"...\"
      }
    }
    int keyStart = keyEnd;
    while (keyStart > 0 && isKeyChar(text.charAt(keyStart - 1))) {
      keyStart--;
    }
    if (keyStart == keyEnd || !words.containsAny(text, keyStart, keyEnd)) {
      return NONE;
    }
    int start = separator + 1;
    while (start < text.length() && text.charAt(start) == ' ') {
      start++;
    }
    boolean escaped = text.startsWith("\\", start);
    int quote = escaped ? start + 1 : start;
    if (quote < text.length() && isQuote(text.charAt(quote))) {
      int close = text.indexOf(text.charAt(quote), quote + 1);
      int end =
          close < 0 ? text.length() : escaped && text.charAt(close - 1) == '\\' ? close - 1 : close;
      return span(quote + 1, end);
    }
    start += schemeLength(text, start);
    return span(start, bareValueEnd(text, start));
  }

  /** The span of the password in {@code user:password@host} starting at {@code from}. */
  private static long userInfoPassword(String text, int from) {
    int end = from;
    while (end < text.length() && "/?# \t\n\r".indexOf(text.charAt(end)) < 0) {
      end++;
    }
    int at = text.lastIndexOf('@', end - 1);
    int colon = at < from ? -1 : text.indexOf(':', from);
    return colon < 0 || colon > at ? NONE : span(colon + 1, at);
  }

  /** The span of the token after a {@code Bearer} at {@code index}, or {@link #NONE}. */
  private static long bearerToken(String text, int index) {
    int start = index + "bearer".length();
    if (start >= text.length() || text.charAt(start) != ' ') {
      return NONE;
    }
    while (start < text.length() && text.charAt(start) == ' ') {
      start++;
    }
    int end = bareValueEnd(text, start);
    return end - start >= MIN_BEARER_TOKEN ? span(start, end) : NONE;
  }

  /** The index of the next {@code bearer} (any case of its first letter) from {@code from}. */
  private static int bearerAt(String text, int from) {
    int index = from + 1; // where "earer" of a "bearer" starting at from or later begins
    while (true) {
      int lower = text.indexOf("earer", index);
      int upper = text.indexOf("EARER", index);
      int found = first(lower, upper);
      if (found < 0) {
        return -1;
      }
      char b = text.charAt(found - 1);
      if ((b == 'b' || b == 'B') && (found < 2 || !isKeyChar(text.charAt(found - 2)))) {
        return found - 1;
      }
      index = found + 1;
    }
  }

  private static int schemeLength(String text, int start) {
    for (String scheme : SCHEMES) {
      if (text.regionMatches(true, start, scheme, 0, scheme.length())) {
        int end = start + scheme.length();
        while (end < text.length() && text.charAt(end) == ' ') {
          end++;
        }
        return end - start;
      }
    }
    return 0;
  }

  private static int bareValueEnd(String text, int start) {
    int end = start;
    while (end < text.length() && !endsBareValue(text.charAt(end))) {
      end++;
    }
    return end;
  }

  private static boolean endsBareValue(char c) {
    return Character.isWhitespace(c) || "\"',;&)]}".indexOf(c) >= 0;
  }

  private static boolean isKeyChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-';
  }

  private static boolean isQuote(char c) {
    return c == '"' || c == '\'';
  }

  /** A non-empty span as one long, or {@link #NONE}. */
  private static long span(int start, int end) {
    return end > start ? ((long) start << 32) | end : NONE;
  }
}
