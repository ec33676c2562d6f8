package io.vigil.micrometer;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** One number read from a watched meter each step, fed to a detector of its own. */
public enum Signal {
  /** Events per second over the step: counters, and the count of timers and summaries. */
  RATE,
  /** Mean of a timer (seconds) or a distribution summary over the step. */
  MEAN,
  /** Maximum of a timer (seconds) or a distribution summary over the step. */
  MAX,
  /** The configured percentile of a timer or summary that publishes it. */
  PERCENTILE,
  /** A gauge's value, or a long task timer's active tasks. */
  VALUE,
  /** Server errors over all requests of one meter name and service, from status or outcome tags. */
  ERROR_RATIO;

  /** The signal's name in Micrometer's tag style: {@code error.ratio}. */
  public String tagValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '.');
  }

  /** The signal with this tag value, or null. */
  public static @Nullable Signal fromTagValue(String tagValue) {
    for (Signal signal : values()) {
      if (signal.tagValue().equals(tagValue)) {
        return signal;
      }
    }
    return null;
  }

  /** Every tag value, in declaration order. */
  public static List<String> tagValues() {
    return Arrays.stream(values()).map(Signal::tagValue).toList();
  }
}
