package io.vigil.benchmarks.otel;

import io.opentelemetry.sdk.trace.data.SpanData;
import io.vigil.otel.VigilSpanExporter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Learning alone on one thread, in spans per second: batches of 512 finished spans (256 calls among
 * {@code services} services) learned on the calling thread ({@code learningQueueSize(0)}), pairing,
 * windows, graph and no-op metrics included. The baseline ({@code copy}) is what export does
 * without learning: copying the batch.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(3)
public class SpanLearningBenchmark {

  private static final int BATCH = 512;

  @Param({"20"})
  public int services = 20;

  private List<SpanData> batch = List.of();
  private VigilSpanExporter exporter = VigilSpanExporter.builder().build();

  @Setup
  public void setUp() {
    batch = TraceFixture.calls(BATCH / 2, services, 11);
    exporter.shutdown();
    exporter =
        VigilSpanExporter.builder().learningQueueSize(0).idleCheckInterval(Duration.ZERO).build();
  }

  @TearDown
  public void tearDown() {
    exporter.shutdown();
  }

  /** Spans learned per second. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object learn() {
    return exporter.export(batch);
  }

  /** The baseline: the copy export makes of each batch, spans per second. */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public Object copy() {
    return batch.toArray(new SpanData[0]);
  }
}
