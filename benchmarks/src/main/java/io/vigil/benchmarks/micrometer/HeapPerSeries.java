package io.vigil.benchmarks.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.simple.CountingMode;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.benchmarks.heap.UsedHeap;
import io.vigil.micrometer.VigilAnomalyConfig;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Measures the heap retained per watched series: the used heap after full collections with 10,000
 * series held and scored, minus the same with none, divided by 10,000. The baseline is a {@code
 * SimpleMeterRegistry} in STEP mode holding the same meters, so the difference is what detection
 * adds. Run once per JVM and repeat for error bars:
 *
 * <pre>{@code
 * for r in simpleStep vigil zscore60 zscore30; do for i in 1 2 3 4 5; do
 *   java -XX:+UseSerialGC -Xmx2g -cp benchmarks/target/benchmarks.jar \
 *     io.vigil.benchmarks.micrometer.HeapPerSeries $r 10000; done; done
 * }</pre>
 */
public final class HeapPerSeries {

  private static final Duration STEP = Duration.ofMinutes(1);

  private HeapPerSeries() {}

  /**
   * Prints the bytes retained per series by one registry: {@code HeapPerSeries <registry> [series]}
   * with registry one of {@code simpleStep}, {@code vigil}, {@code zscore60}, {@code zscore30}.
   */
  public static void main(String[] args) throws InterruptedException {
    Map<String, Function<MockClock, MeterRegistry>> registries = new LinkedHashMap<>();
    registries.put("simpleStep", HeapPerSeries::simpleStep);
    registries.put("vigil", clock -> vigil(clock, null, null));
    registries.put("zscore60", clock -> vigil(clock, "zscore", "window=60"));
    registries.put("zscore30", clock -> vigil(clock, "zscore", "window=30"));
    Function<MockClock, MeterRegistry> factory = args.length > 0 ? registries.get(args[0]) : null;
    if (factory == null) {
      throw new IllegalArgumentException(
          "first argument must be one of "
              + registries.keySet()
              + " but was "
              + (args.length > 0 ? "'" + args[0] + "'" : "missing"));
    }
    int series = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    // Once per JVM: Micrometer's shared pause detector keeps the last closed registry's timers, so
    // a
    // second measurement in the same JVM would count them.
    long empty = retained(factory, 0);
    long full = retained(factory, series);
    System.out.printf(
        "%s %d series: %.0f bytes/series (%d -> %d bytes used after GC)%n",
        args[0], series, (full - empty) / (double) series, empty, full);
  }

  private static long retained(Function<MockClock, MeterRegistry> factory, int series)
      throws InterruptedException {
    MockClock clock = new MockClock();
    MeterRegistry registry = factory.apply(clock);
    SeriesFixture fixture = new SeriesFixture(registry, series);
    for (int i = 0; i < 3; i++) {
      fixture.recordStep();
      clock.add(STEP);
      if (registry instanceof SteppedVigilRegistry vigil) {
        vigil.step();
      }
    }
    long used = UsedHeap.afterGc();
    Reference.reachabilityFence(fixture);
    // Closing releases the meters from Micrometer's shared pause detector, which holds them.
    registry.close();
    return used;
  }

  private static MeterRegistry simpleStep(MockClock clock) {
    SimpleConfig config =
        new SimpleConfig() {
          @Override
          public @Nullable String get(String key) {
            return null;
          }

          @Override
          public CountingMode mode() {
            return CountingMode.STEP;
          }
        };
    return new SimpleMeterRegistry(config, clock);
  }

  private static MeterRegistry vigil(
      MockClock clock, @Nullable String detector, @Nullable String settings) {
    VigilAnomalyConfig config =
        key ->
            switch (key) {
              case "vigil.anomaly.detector" -> detector;
              case "vigil.anomaly.detectorSettings" -> settings;
              default -> null;
            };
    return new SteppedVigilRegistry(config, clock);
  }
}
