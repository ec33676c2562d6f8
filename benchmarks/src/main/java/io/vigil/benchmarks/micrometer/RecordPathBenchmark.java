package io.vigil.benchmarks.micrometer;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.CountingMode;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.micrometer.VigilAnomalyConfig;
import io.vigil.micrometer.VigilAnomalyMeterRegistry;
import io.vigil.micrometer.VigilMeterFilters;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost Vigil adds where the application records: {@code timer.record} and {@code
 * counter.increment} through a composite of Prometheus and Vigil's registry ({@code vigil}),
 * against the same composite with a {@code SimpleMeterRegistry} in STEP mode in Vigil's place
 * ({@code simpleStep}, the baseline). The meters are watched by Vigil's default filter.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class RecordPathBenchmark {

  @Param({"simpleStep", "vigil"})
  public String beside = "vigil";

  private CompositeMeterRegistry composite = new CompositeMeterRegistry();
  private @Nullable Timer timer;
  private @Nullable Counter counter;
  private long nanos;

  @Setup
  public void setUp() {
    composite = new CompositeMeterRegistry();
    composite.add(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    composite.add(beside.equals("vigil") ? vigil() : simpleStep());
    timer =
        Timer.builder("http.server.requests")
            .tags("uri", "/checkout", "method", "POST", "status", "200", "outcome", "SUCCESS")
            .register(composite);
    counter =
        Counter.builder("http.server.requests.started")
            .tags("uri", "/checkout", "method", "POST")
            .register(composite);
  }

  private static MeterRegistry vigil() {
    // Publishing off: a step lasts a minute, longer than an iteration, and this measures recording.
    VigilAnomalyConfig config = key -> key.equals("vigil.anomaly.enabled") ? "false" : null;
    return VigilAnomalyMeterRegistry.builder(config)
        .watch(VigilMeterFilters.watchNames("http.server.requests*"))
        .build();
  }

  private static MeterRegistry simpleStep() {
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
    return new SimpleMeterRegistry(config, Clock.SYSTEM);
  }

  @TearDown
  public void tearDown() {
    composite.close();
  }

  /** One request's duration recorded through the composite. */
  @Benchmark
  public void timerRecord() {
    nanos = (nanos + 7_919) & 0xFFFFFF;
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** One counter increment through the composite. */
  @Benchmark
  public void counterIncrement() {
    counter.increment();
  }
}
