package io.vigil.demo;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/** One service's fault switch: off until a fault is injected, then applied to every request. */
final class FaultSwitch {

  private final AtomicReference<Fault> fault = new AtomicReference<>();

  /** Injects the fault; replaces any fault already on. */
  public void inject(Fault next) {
    fault.set(java.util.Objects.requireNonNull(next, "fault"));
  }

  /** Turns the fault off. */
  public void clear() {
    fault.set(null);
  }

  /** The fault on now, if any. */
  public Optional<Fault> current() {
    return Optional.ofNullable(fault.get());
  }

  /**
   * Makes the current request suffer the fault: sleeps, spins, and returns whether it must fail.
   */
  boolean apply() throws InterruptedException {
    Fault now = fault.get();
    if (now == null) {
      return false;
    }
    if (now.addsLatency()) {
      Thread.sleep(Fault.ADDED_LATENCY_MILLIS);
    }
    if (now.burnsCpu()) {
      spin(Fault.CPU_BURN_MILLIS);
    }
    return now.failsRequests() && ThreadLocalRandom.current().nextDouble() < Fault.ERROR_RATIO;
  }

  private static void spin(long millis) {
    long end = System.nanoTime() + millis * 1_000_000;
    long x = 0;
    while (System.nanoTime() < end) {
      x += Long.numberOfTrailingZeros(x + 1);
    }
    if (x == 42) {
      Thread.onSpinWait(); // keeps the loop from being optimised away
    }
  }
}
