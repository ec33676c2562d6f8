package io.vigil.benchmarks.logback;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import io.vigil.logback.VigilJsonEncoder;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import net.logstash.logback.encoder.LogstashEncoder;
import net.logstash.logback.util.ReusableByteBuffer;
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
 * Encodes the same Logback event with Vigil's {@link VigilJsonEncoder} and with
 * logstash-logback-encoder's {@link LogstashEncoder} (the baseline), each at its defaults (Vigil's
 * masking, value limit and trace lookup included), both to a new byte array (what Logback's file
 * and console appenders call) and into a reused buffer (what the TCP appender calls).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'logback.EncoderBenchmark' -prof gc}.
 * The allocation per event ({@code gc.alloc.rate.norm}) does not depend on machine load; for the
 * throughput ratio on a shared machine see {@link EncoderPairBenchmark}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class EncoderBenchmark {

  /** The seed's info event with three key-value pairs, or its error event with a stack trace. */
  @Param({"info", "error"})
  public String event;

  private LoggerContext context;
  private LoggingEvent loggingEvent;
  private LogstashEncoder logstash;
  private VigilJsonEncoder vigil;
  private final ReusableByteBuffer buffer = new ReusableByteBuffer();

  /** Builds one event and starts both encoders in one Logback context. */
  @Setup
  public void setUp() {
    context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    loggingEvent = SeedEvents.event(context, event);
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
  public byte[] logstashToBytes() {
    return logstash.encode(loggingEvent);
  }

  /** Vigil's encoder to a new byte array. */
  @Benchmark
  public byte[] vigilToBytes() {
    return vigil.encode(loggingEvent);
  }

  /** Baseline: logstash-logback-encoder's encoder into a reused buffer. */
  @Benchmark
  public int logstashToBuffer() throws IOException {
    buffer.reset();
    logstash.encode(loggingEvent, buffer);
    return buffer.size();
  }

  /** Vigil's encoder into a reused buffer. */
  @Benchmark
  public int vigilToBuffer() throws IOException {
    buffer.reset();
    vigil.encode(loggingEvent, buffer);
    return buffer.size();
  }
}
