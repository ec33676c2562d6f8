package io.vigil.benchmarks.detect;

import java.util.Random;

/** A fixed, seeded synthetic service metric: a daily cycle, noise and rare spikes. */
final class SeriesFixture {

  /** Points per benchmark invocation. */
  static final int POINTS = 10_000;

  /** One minute between points. */
  static final long STEP_MILLIS = 60_000L;

  private SeriesFixture() {}

  /** {@code count} values of the series, the same for every run. */
  static double[] values(int count) {
    Random random = new Random(42);
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      double daily = 100 + 40 * Math.sin(2 * Math.PI * i / 1_440.0);
      double spike = random.nextInt(1_000) == 0 ? 200 : 0;
      values[i] = daily + random.nextGaussian() * 5 + spike;
    }
    return values;
  }

  /** {@code count} feature vectors of {@code dimensions} correlated features. */
  static double[][] vectors(int count, int dimensions) {
    Random random = new Random(42);
    double[][] vectors = new double[count][dimensions];
    for (int i = 0; i < count; i++) {
      double common = random.nextGaussian();
      for (int d = 0; d < dimensions; d++) {
        vectors[i][d] = (d + 1) * common + random.nextGaussian();
      }
    }
    return vectors;
  }
}
