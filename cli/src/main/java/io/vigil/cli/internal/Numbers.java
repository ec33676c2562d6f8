package io.vigil.cli.internal;

import java.util.regex.Pattern;

/**
 * The one number grammar of Vigil's input files: a decimal as JSON or a spreadsheet writes it
 * ({@code 42}, {@code -0.5}, {@code 1e-3}). Java's own parser also takes {@code 1d}, {@code 2f},
 * {@code 0x1p3} and {@code NaN}; those are not numbers here.
 */
public final class Numbers {

  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

  private Numbers() {}

  /**
   * Parses a decimal; may overflow to an infinity ({@code 1e999}), which callers treat as any other
   * value they cannot use.
   *
   * @throws NumberFormatException when the text is not a decimal
   */
  public static double parse(String text) {
    if (!DECIMAL.matcher(text).matches()) {
      throw new NumberFormatException("not a decimal: " + text);
    }
    return Double.parseDouble(text);
  }
}
