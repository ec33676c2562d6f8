package io.vigil.benchmarks.live;

import java.util.Random;

/**
 * Signals as a source sends them: {@code signals} series over services of ten signals each, one
 * point per series per one-minute step, steady values with Gaussian noise (seeded), so that no
 * detector raises an anomaly and the cost measured is the feed's alone.
 */
final class SignalFixture {

  static final long STEP_MILLIS = 60_000;
  static final long T0 = 1_700_000_000_000L;
  private static final String[] NAMES = {
    "server.calls", "server.errors", "server.latency.mean", "server.latency.p99", "client.calls",
    "client.errors", "client.latency.mean", "cpu", "memory", "gc.pause"
  };

  final String[] services;
  final String[] names;
  private final double[] noise = new double[4096];
  private int next;

  SignalFixture(int signals) {
    services = new String[signals];
    names = new String[signals];
    for (int i = 0; i < signals; i++) {
      services[i] = "service-" + i / NAMES.length;
      names[i] = NAMES[i % NAMES.length];
    }
    Random random = new Random(7);
    for (int i = 0; i < noise.length; i++) {
      noise[i] = random.nextGaussian();
    }
  }

  /** The next value of signal {@code i}: a level of 100 + i % 50 with noise of 2% of it. */
  double value(int i) {
    next = (next + 1) & (noise.length - 1);
    double level = 100 + i % 50;
    return level + 0.02 * level * noise[next];
  }
}
