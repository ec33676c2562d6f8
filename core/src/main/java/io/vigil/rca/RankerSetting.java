package io.vigil.rca;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One setting of {@link RankerSettings}: its name, whether it is whole, its range, and the one
 * check and the one strict parser every way in (builder, record, text) goes through.
 */
enum RankerSetting {
  ONSET_THRESHOLD("onsetThreshold", false, 0, false, Double.POSITIVE_INFINITY, false),
  DAMPING("damping", false, 0, false, 1, false),
  ROUNDS("rounds", true, 1, true, 10_000, true),
  BACKWARD_WEIGHT("backwardWeight", false, 0, true, Double.POSITIVE_INFINITY, false),
  DEVIATION_WEIGHT("deviationWeight", false, 0, true, Double.POSITIVE_INFINITY, false),
  GRAPH_WEIGHT("graphWeight", false, 0, true, Double.POSITIVE_INFINITY, false),
  ONSET_DECAY("onsetDecay", false, 0, false, 1, true),
  EXPLAIN_WEIGHT("explainWeight", false, 0, true, Double.POSITIVE_INFINITY, false),
  PERSISTENCE("persistence", true, 1, true, 100_000, true),
  RESOURCE_WEIGHT("resourceWeight", false, 0, false, Double.POSITIVE_INFINITY, false);

  /** A decimal as JSON writes one: no hexadecimal, no type suffix ({@code 1d}), no NaN. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?");

  private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,18}");

  final String key;
  private final boolean whole;
  private final double min;
  private final boolean minIncluded;
  private final double max;
  private final boolean maxIncluded;

  RankerSetting(String key, boolean whole, double min, boolean minIn, double max, boolean maxIn) {
    this.key = key;
    this.whole = whole;
    this.min = min;
    this.minIncluded = minIn;
    this.max = max;
    this.maxIncluded = maxIn;
  }

  /** The setting named {@code key}, or an error listing the known names. */
  static RankerSetting named(String key) {
    for (RankerSetting s : values()) {
      if (s.key.equals(key)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown ranker setting '" + key + "'; expected one of " + names());
  }

  /** Every setting's name, in declaration order. */
  static String names() {
    return Arrays.stream(values()).map(s -> s.key).collect(Collectors.joining(", "));
  }

  /** Parses text strictly: a whole setting takes only a whole number ({@code 2.7} is an error). */
  double parse(String text) {
    String t = text.strip();
    if (!(whole ? WHOLE : DECIMAL).matcher(t).matches()) {
      throw invalid(text);
    }
    double v = whole ? Long.parseLong(t) : Double.parseDouble(t);
    if (!inRange(v)) {
      throw invalid(text);
    }
    return v;
  }

  /** Checks a value given as a number. */
  void check(double v) {
    if (!inRange(v)) {
      throw invalid(whole ? Long.toString((long) v) : Double.toString(v));
    }
  }

  private boolean inRange(double v) {
    return (minIncluded ? v >= min : v > min) && (maxIncluded ? v <= max : v < max);
  }

  private IllegalArgumentException invalid(String value) {
    return new IllegalArgumentException(key + "=" + value + ": expected " + expected());
  }

  /** What the setting takes, such as {@code a whole number in [1, 10000]}. */
  String expected() {
    String kind = whole ? "a whole number" : "a number";
    if (max == Double.POSITIVE_INFINITY) {
      return kind + (minIncluded ? " >= " : " > ") + format(min);
    }
    return kind
        + " in "
        + (minIncluded ? "[" : "(")
        + format(min)
        + ", "
        + format(max)
        + (maxIncluded ? "]" : ")");
  }

  private static String format(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
  }
}
