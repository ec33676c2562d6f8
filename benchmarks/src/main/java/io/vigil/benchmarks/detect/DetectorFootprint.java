package io.vigil.benchmarks.detect;

import io.vigil.benchmarks.heap.UsedHeap;
import io.vigil.detect.AnomalyDetector;
import io.vigil.detect.DetectorCatalog;
import java.lang.ref.Reference;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Measures the heap one detector of the catalog retains per series, as {@code HeapPerSeries} does
 * for the registry: the used heap after full collections with {@code n} detectors held, each fed
 * 3,000 points of {@link SeriesFixture}'s series (so that state allocated on first use is counted),
 * minus the same with none, divided by {@code n}. Run once per JVM:
 *
 * <pre>{@code
 * java -XX:+UseSerialGC -Xmx3g -cp benchmarks/target/benchmarks.jar \
 *   io.vigil.benchmarks.detect.DetectorFootprint lean 10000
 * }</pre>
 */
public final class DetectorFootprint {

  private static final int POINTS = 3_000;

  private DetectorFootprint() {}

  /** Prints {@code <detector> <n> detectors: <bytes> bytes/series}. */
  public static void main(String[] args) throws InterruptedException {
    if (args.length < 1) {
      throw new IllegalArgumentException("usage: DetectorFootprint <detector> [count]");
    }
    Supplier<AnomalyDetector> supplier = DetectorCatalog.get(args[0]).configure(Map.of());
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    double[] values = SeriesFixture.values(POINTS);
    long empty = UsedHeap.afterGc();
    AnomalyDetector[] detectors = new AnomalyDetector[count];
    for (int d = 0; d < count; d++) {
      detectors[d] = supplier.get();
      for (int i = 0; i < POINTS; i++) {
        detectors[d].update(i * SeriesFixture.STEP_MILLIS, values[i]);
      }
    }
    long full = UsedHeap.afterGc();
    Reference.reachabilityFence(detectors);
    // The array of references is the caller's, not the detector's: 4 bytes each (compressed oops).
    double perSeries = (full - empty) / (double) count - 4;
    System.out.printf("%s %d detectors: %.0f bytes/series%n", args[0], count, perSeries);
  }
}
