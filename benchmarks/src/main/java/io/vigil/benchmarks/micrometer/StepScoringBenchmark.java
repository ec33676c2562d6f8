package io.vigil.benchmarks.micrometer;

import io.vigil.detect.AnomalyDetector;
import io.vigil.detect.DetectorCatalog;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The detectors' share of {@link PublishBenchmark}: one step's points (two signals for each of
 * 10,000 timers) fed to 20,000 warmed-up detectors of the registry's default type, nothing else.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 8, time = 2)
@Fork(3)
public class StepScoringBenchmark {

  @Param({"ewma"})
  public String detector = "ewma";

  @Param({"20000"})
  public int points = 20_000;

  private AnomalyDetector[] detectors = new AnomalyDetector[0];
  private final SplittableRandom random = new SplittableRandom(3);
  private long step;

  @Setup
  public void setUp() {
    Supplier<AnomalyDetector> factory = DetectorCatalog.get(detector).configure(Map.of());
    detectors = new AnomalyDetector[points];
    for (int i = 0; i < points; i++) {
      detectors[i] = factory.get();
    }
    for (int s = 0; s < 40; s++) {
      scoreStep();
    }
  }

  /** Every detector scores and learns one point. */
  @Benchmark
  public int scoreStep() {
    long now = ++step * 60_000L;
    int anomalies = 0;
    for (AnomalyDetector d : detectors) {
      if (d.update(now, 40.0 + random.nextDouble() * 10.0).anomaly()) {
        anomalies++;
      }
    }
    return anomalies;
  }
}
