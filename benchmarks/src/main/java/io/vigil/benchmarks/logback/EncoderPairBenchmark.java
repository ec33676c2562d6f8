package io.vigil.benchmarks.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.vigil.logback.VigilJsonEncoder;
import java.util.concurrent.TimeUnit;
import net.logstash.logback.encoder.LogstashEncoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
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
 * The throughput ratio of Vigil's encoder to logstash-logback-encoder's {@link LogstashEncoder},
 * measured with both running at the same time, one thread each, in one JMH group.
 *
 * <p>On a machine shared with other jobs, benchmarks run one after the other see different
 * interference, which distorts their ratio; run side by side in one group, both see the same. Each
 * thread has its own event and encoder, so they share nothing but the machine. Pinned to one core
 * ({@code taskset -c 1}), the two threads take turns on it and see the same interference. JMH
 * reports the throughput of each method of the group; the ratio is taken per iteration from the
 * JSON result.
 *
 * <p>Run: {@code taskset -c 1 java -jar benchmarks/target/benchmarks.jar
 * 'logback.EncoderPairBenchmark' -f 3 -wi 4 -i 8 -rf json -rff pair.json}.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(3)
public class EncoderPairBenchmark {

  /** The seed's info event with three key-value pairs, or its error event with a stack trace. */
  @Param({"info", "error"})
  public String event;

  private LoggerContext context;
  private LoggingEvent logstashEvent;
  private LoggingEvent vigilEvent;
  private LogstashEncoder logstash;
  private VigilJsonEncoder vigil;

  /** Builds the event twice (one per thread) and starts both encoders. */
  @Setup
  public void setUp() {
    context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    logstashEvent = SeedEvents.event(context, event);
    vigilEvent = SeedEvents.event(context, event);
    logstash = SeedEvents.logstash(context);
    vigil = SeedEvents.vigil(context);
  }

  /** Stops both encoders. */
  @TearDown
  public void tearDown() {
    logstash.stop();
    vigil.stop();
    context.stop();
  }

  /** Baseline: logstash-logback-encoder's encoder to a new byte array. */
  @Benchmark
  @Group("pair")
  @GroupThreads(1)
  public byte[] logstash() {
    return logstash.encode(logstashEvent);
  }

  /** Vigil's encoder to a new byte array, at the same time. */
  @Benchmark
  @Group("pair")
  @GroupThreads(1)
  public byte[] vigil() {
    return vigil.encode(vigilEvent);
  }
}
