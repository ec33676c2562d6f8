package io.vigil.benchmarks.micrometer;

import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.push.PushMeterRegistry;
import io.vigil.micrometer.VigilAnomalyConfig;
import io.vigil.micrometer.VigilAnomalyMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One step's publish over 10,000 watched timers: Vigil's detection ({@code vigil}, default detector
 * and signals) against a step registry that only reads each timer's step snapshot ({@code
 * readOnly}, the baseline). Each invocation first records a step's traffic and moves a mock clock
 * one step, outside the measured time.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class PublishBenchmark {

  private static final Duration STEP = Duration.ofMinutes(1);

  @Param({"readOnly", "vigil"})
  public String registry = "vigil";

  @Param({"10000"})
  public int series = 10_000;

  private final MockClock clock = new MockClock();
  private PushMeterRegistry target = new ReadOnlyStepRegistry(clock);
  private SeriesFixture fixture = new SeriesFixture(target, 0);

  @Setup(Level.Trial)
  public void setUp() {
    target = registry.equals("vigil") ? vigil() : new ReadOnlyStepRegistry(clock);
    fixture = new SeriesFixture(target, series);
    // Past the default detector's warm-up, so every signal is scored as in steady state.
    for (int i = 0; i < 40; i++) {
      nextStep();
      publish();
    }
  }

  private VigilAnomalyMeterRegistry vigil() {
    return new SteppedVigilRegistry(VigilAnomalyConfig.DEFAULT, clock);
  }

  @Setup(Level.Invocation)
  public void nextStep() {
    fixture.recordStep();
    clock.add(STEP);
  }

  /** The publish of one step. */
  @Benchmark
  public void publish() {
    publishNow(target);
  }

  private static void publishNow(PushMeterRegistry registry) {
    if (registry instanceof SteppedVigilRegistry vigil) {
      vigil.step();
    } else {
      ((ReadOnlyStepRegistry) registry).publish();
    }
  }
}
