package io.vigil.demo;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** A fault the demo injects into one service: what each of its requests suffers. */
enum Fault {
  /** Every request takes {@link #ADDED_LATENCY_MILLIS} longer. */
  LATENCY("latency", true, false, false),
  /** A share {@link #ERROR_RATIO} of requests fail with HTTP 500. */
  ERRORS("errors", false, true, false),
  /** Every request computes for {@link #CPU_BURN_MILLIS} of CPU time. */
  CPU("cpu", false, false, true),
  /** Both {@link #LATENCY} and {@link #ERRORS}. */
  LATENCY_ERRORS("latency+errors", true, true, false);

  /** Latency a latency fault adds to each request. */
  public static final long ADDED_LATENCY_MILLIS = 150;

  /** Share of requests an error fault fails. */
  public static final double ERROR_RATIO = 0.4;

  /** CPU time a CPU fault burns per request (the thread's CPU time, not the wall clock). */
  public static final long CPU_BURN_MILLIS = 25;

  private final String label;
  private final boolean latency;
  private final boolean errors;
  private final boolean cpu;

  Fault(String label, boolean latency, boolean errors, boolean cpu) {
    this.label = label;
    this.latency = latency;
    this.errors = errors;
    this.cpu = cpu;
  }

  /** Parses {@code latency}, {@code errors}, {@code cpu} or {@code latency+errors}. */
  public static Fault parse(String text) {
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    for (Fault fault : values()) {
      if (fault.label.equals(wanted)) {
        return fault;
      }
    }
    throw new IllegalArgumentException(
        "unknown fault '"
            + text
            + "': expected one of "
            + Arrays.stream(values()).map(Fault::label).collect(Collectors.joining(", ")));
  }

  /** The name {@link #parse} reads. */
  public String label() {
    return label;
  }

  /** Whether requests are slowed. */
  public boolean addsLatency() {
    return latency;
  }

  /** Whether some requests fail. */
  public boolean failsRequests() {
    return errors;
  }

  /** Whether requests burn CPU. */
  public boolean burnsCpu() {
    return cpu;
  }

  @Override
  public String toString() {
    return label;
  }
}
