package io.vigil.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

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

  /**
   * Computes until this thread has used {@code millis} of CPU time, as a request doing that much
   * work would: on a busy machine it waits for a core as well, so its latency grows with the
   * contention, in the service that does the work. Wall time where the JVM cannot tell a thread's
   * CPU time.
   */
  private static void spin(long millis) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpuTime = threads.isCurrentThreadCpuTimeSupported();
    LongSupplier clock = cpuTime ? threads::getCurrentThreadCpuTime : System::nanoTime;
    long end = clock.getAsLong() + millis * 1_000_000;
    long x = 0;
    do {
      for (int i = 0; i < 10_000; i++) {
        x += Long.numberOfTrailingZeros(x + i);
      }
    } while (clock.getAsLong() < end);
    if (x == 42) {
      Thread.onSpinWait(); // keeps the loop from being optimised away
    }
  }
}
