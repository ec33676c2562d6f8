package io.vigil.benchmarks.detect;

import io.vigil.detect.RollingZScoreDetector;
import io.vigil.detect.Verdict;
import java.util.concurrent.TimeUnit;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
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
 * The rolling z-score (threshold 3, the current point excluded) against the seed's way of computing
 * it: a commons-math3 {@link DescriptiveStatistics} with the same window whose mean and standard
 * deviation are recomputed over the whole window for every point.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class RollingZScoreBenchmark {

  private static final double THRESHOLD = 3.0;

  /** The window: 100 as in the seed, and 1,000 to show how each side grows with it. */
  @Param({"100", "1000"})
  public int window;

  private double[] values = new double[0];
  private RollingZScoreDetector detector;
  private DescriptiveStatistics statistics;
  private long timestamp;

  /** Builds the series, the detector and the baseline's window. */
  @Setup(Level.Trial)
  public void setUp() {
    values = SeriesFixture.values(SeriesFixture.POINTS);
    detector = new RollingZScoreDetector(window, THRESHOLD, 10);
    statistics = new DescriptiveStatistics(window);
  }

  /** Vigil's detector: O(1) per point by a sliding Welford update. */
  @Benchmark
  @OperationsPerInvocation(SeriesFixture.POINTS)
  public void vigil(Blackhole blackhole) {
    for (double value : values) {
      timestamp += SeriesFixture.STEP_MILLIS;
      Verdict verdict = detector.update(timestamp, value);
      // The decision and the score, as a caller reads them; the verdict itself does not escape,
      // so the JIT may keep it in registers, as it does for a caller that only reads its fields.
      blackhole.consume(verdict.anomaly());
      blackhole.consume(verdict.score());
    }
  }

  /** The seed's baseline: mean and standard deviation recomputed over the window every point. */
  @Benchmark
  @OperationsPerInvocation(SeriesFixture.POINTS)
  public void descriptiveStatisticsBaseline(Blackhole blackhole) {
    for (double value : values) {
      boolean anomaly = false;
      if (statistics.getN() >= 10) {
        double mean = statistics.getMean();
        double std = statistics.getStandardDeviation();
        anomaly = std > 0 && Math.abs(value - mean) / std > THRESHOLD;
      }
      statistics.addValue(value);
      blackhole.consume(anomaly);
    }
  }
}
