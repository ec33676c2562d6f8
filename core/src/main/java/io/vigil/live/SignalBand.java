package io.vigil.live;

import java.util.Arrays;
import java.util.Objects;

/**
 * A signal's recent values beside its expected band, for a person (or a chart) to see how far it
 * left normal. The band is the normal window's median plus or minus three robust standard
 * deviations (1.4826 times the median absolute deviation; the standard deviation when that is 0).
 *
 * @param service the service the signal belongs to
 * @param signal the signal's name
 * @param timestamps epoch milliseconds, ascending (copied in and out)
 * @param values one value per timestamp, NaN for a step without data (copied in and out)
 * @param lower lower edge of the expected band, NaN when the normal window was empty
 * @param upper upper edge of the expected band, NaN when the normal window was empty
 */
public record SignalBand(
    String service, String signal, long[] timestamps, double[] values, double lower, double upper) {

  /** Copies the arrays and checks that their lengths match. */
  public SignalBand {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(signal, "signal");
    timestamps = timestamps.clone();
    values = values.clone();
    if (timestamps.length != values.length) {
      throw new IllegalArgumentException(
          service
              + "/"
              + signal
              + ": "
              + timestamps.length
              + " timestamps but "
              + values.length
              + " values");
    }
  }

  @Override
  public long[] timestamps() {
    return timestamps.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  /** The band's center: the normal window's median. */
  public double expected() {
    return (lower + upper) / 2;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignalBand b
        && service.equals(b.service)
        && signal.equals(b.signal)
        && Arrays.equals(timestamps, b.timestamps)
        && Arrays.equals(values, b.values)
        && Double.compare(lower, b.lower) == 0
        && Double.compare(upper, b.upper) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        service, signal, Arrays.hashCode(timestamps), Arrays.hashCode(values), lower, upper);
  }

  @Override
  public String toString() {
    return "SignalBand["
        + service
        + "/"
        + signal
        + ", "
        + values.length
        + " points, band ["
        + lower
        + ", "
        + upper
        + "]]";
  }
}
