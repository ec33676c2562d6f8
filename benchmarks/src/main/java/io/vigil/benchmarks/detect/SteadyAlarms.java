package io.vigil.benchmarks.detect;

import io.vigil.detect.AnomalyDetector;
import io.vigil.detect.DetectorCatalog;
import java.util.Map;
import java.util.Random;

/**
 * Counts the alarms a detector of the catalog raises on steady data, per 10,000 points: ten seeded
 * series of 14,400 one-minute points (ten days) each, a daily cycle of amplitude 5 under Gaussian
 * noise of deviation 1 around 100, nothing anomalous in them. The first 1,000 points of each series
 * (warm-up) are not counted.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar io.vigil.benchmarks.detect.SteadyAlarms lean
 * }</pre>
 */
public final class SteadyAlarms {

  private static final int SERIES = 10;
  private static final int POINTS = 14_400;
  private static final int SKIPPED = 1_000;

  private SteadyAlarms() {}

  /** Prints {@code <detector> <alarms> alarms per 10000 steady points}. */
  public static void main(String[] args) {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: SteadyAlarms <detector>");
    }
    long alarms = 0;
    long counted = 0;
    for (int s = 0; s < SERIES; s++) {
      AnomalyDetector detector = DetectorCatalog.get(args[0]).configure(Map.of()).get();
      Random random = new Random(1_000 + s);
      for (int i = 0; i < POINTS; i++) {
        double value = 100 + 5 * Math.sin(2 * Math.PI * i / 1_440.0) + random.nextGaussian();
        boolean anomaly = detector.update(i * SeriesFixture.STEP_MILLIS, value).anomaly();
        if (i >= SKIPPED) {
          counted++;
          alarms += anomaly ? 1 : 0;
        }
      }
    }
    System.out.printf("%s %.2f alarms per 10000 steady points%n", args[0], alarms * 1e4 / counted);
  }
}
