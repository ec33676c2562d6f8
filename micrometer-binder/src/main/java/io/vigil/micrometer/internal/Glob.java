package io.vigil.micrometer.internal;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A meter-name pattern where {@code *} matches any run of characters and everything else matches
 * itself: {@code jvm.gc.*}, {@code *.connections.active}, {@code http.server.requests}.
 */
public final class Glob {

  private final String text;
  private final Pattern pattern;

  private Glob(String text, Pattern pattern) {
    this.text = text;
    this.pattern = pattern;
  }

  /**
   * Compiles a glob.
   *
   * @throws IllegalArgumentException for a blank pattern
   */
  public static Glob of(String text) {
    if (text.isBlank()) {
      throw new IllegalArgumentException(
          "meter name pattern must be non-blank, like http.server.* but was '" + text + "'");
    }
    String regex =
        Arrays.stream(text.split("\\*", -1)).map(Pattern::quote).collect(Collectors.joining(".*"));
    return new Glob(text, Pattern.compile(regex));
  }

  /** Whether the whole name matches. */
  public boolean matches(String name) {
    return pattern.matcher(name).matches();
  }

  @Override
  public String toString() {
    return text;
  }
}
