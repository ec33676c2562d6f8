package io.vigil.benchmarks.detect;

import io.vigil.detect.IsolationForestDetector;
import io.vigil.detect.MahalanobisDetector;
import io.vigil.detect.MultivariateDetector;
import java.util.concurrent.TimeUnit;
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
 * Vectors per second of the multivariate detectors on 4 correlated features, window 1,024,
 * retrained every 256 vectors: the cost of retraining is included, amortised over the stream.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class MultivariateThroughputBenchmark {

  private static final int DIMENSIONS = 4;

  /** Which detector: {@code isolation-forest} (100 trees of 256) or {@code mahalanobis}. */
  @Param({"isolation-forest", "mahalanobis"})
  public String detector;

  private double[][] vectors = new double[0][];
  private MultivariateDetector instance;
  private long timestamp;

  /** Builds the vectors and the detector. */
  @Setup(Level.Trial)
  public void setUp() {
    vectors = SeriesFixture.vectors(SeriesFixture.POINTS, DIMENSIONS);
    instance =
        detector.equals("mahalanobis")
            ? new MahalanobisDetector(DIMENSIONS, 1_024, 256, 0.001)
            : new IsolationForestDetector(DIMENSIONS, 1_024, 256, 0.65);
  }

  /** Streams 10,000 vectors through the detector. */
  @Benchmark
  @OperationsPerInvocation(SeriesFixture.POINTS)
  public void vectors(Blackhole blackhole) {
    for (double[] vector : vectors) {
      timestamp += SeriesFixture.STEP_MILLIS;
      blackhole.consume(instance.update(timestamp, vector));
    }
  }
}
