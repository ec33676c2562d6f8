package io.vigil.benchmarks.heap;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** The heap in use once garbage collection has settled, for the heap-per-series measurements. */
public final class UsedHeap {

  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private UsedHeap() {}

  /**
   * Collects until two readings agree within 1 KB (at most ten times) and returns the last one, in
   * bytes. Run with {@code -XX:+UseSerialGC} so that {@code System.gc()} collects everything.
   */
  public static long afterGc() throws InterruptedException {
    long previous = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      Thread.sleep(20);
      long used = MEMORY.getHeapMemoryUsage().getUsed();
      if (Math.abs(previous - used) < 1024) {
        return used;
      }
      previous = used;
    }
    return previous;
  }
}
