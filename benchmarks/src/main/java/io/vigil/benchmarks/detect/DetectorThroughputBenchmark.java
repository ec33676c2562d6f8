package io.vigil.benchmarks.detect;

import io.vigil.detect.AnomalyDetector;
import io.vigil.detect.DetectorCatalog;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Points per second of each univariate detector in the catalog, at its default settings, on a
 * series of one-minute points. Each invocation streams 10,000 points; the detector carries its
 * state across invocations, so the figure is the steady state after warm-up.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class DetectorThroughputBenchmark {

  /** The catalog name of the detector under test. */
  @Param({"ewma", "lean", "zscore", "seasonal", "windowed-gaussian", "default"})
  public String detector;

  private double[] values = new double[0];
  private AnomalyDetector instance;
  private long timestamp;

  /** Builds the series and a fresh detector at its defaults. */
  @Setup(Level.Trial)
  public void setUp() {
    values = SeriesFixture.values(SeriesFixture.POINTS);
    Supplier<AnomalyDetector> supplier = DetectorCatalog.get(detector).configure(Map.of());
    instance = supplier.get();
  }

  /** Streams 10,000 points through the detector. */
  @Benchmark
  @OperationsPerInvocation(SeriesFixture.POINTS)
  public void points(Blackhole blackhole) {
    for (double value : values) {
      timestamp += SeriesFixture.STEP_MILLIS;
      blackhole.consume(instance.update(timestamp, value));
    }
  }
}
