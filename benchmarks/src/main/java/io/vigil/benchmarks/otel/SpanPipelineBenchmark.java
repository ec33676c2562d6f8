package io.vigil.benchmarks.otel;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.vigil.otel.VigilSpanExporter;
import io.vigil.otel.VigilSpanExporterBuilder;
import java.util.Collection;
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
 * The cost Vigil adds on the application threads: spans ended per second through an SDK tracer
 * whose BatchSpanProcessor exports to a no-op exporter ({@code none}, the baseline) or to the same
 * no-op exporter composed with Vigil ({@code vigil}), as {@code otel.traces.exporter=otlp,vigil}
 * builds it. Each operation is one call: a CLIENT span and the SERVER span it causes, with the
 * attributes HTTP instrumentation sets, both ended. Run with {@code -t 1} and {@code -t 2}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(3)
public class SpanPipelineBenchmark {

  private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
  private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
  private static final AttributeKey<Long> STATUS =
      AttributeKey.longKey("http.response.status_code");
  private static final AttributeKey<String> ADDRESS = AttributeKey.stringKey("server.address");
  private static final AttributeKey<Long> PORT = AttributeKey.longKey("server.port");

  /**
   * What sits beside the no-op exporter: nothing ({@code none}, the baseline), Vigil, or a second
   * no-op exporter in the same composite ({@code noop}: what the composite alone costs).
   */
  @Param({"none", "vigil"})
  public String beside = "vigil";

  /** Vigil's learning queue, in batches (the builder's default is 64). */
  @Param({"64"})
  public int queue = 64;

  /** Vigil's {@code learningCpuShare}: {@code default} for the builder's, or a number in (0, 1]. */
  @Param({"default"})
  public String share = "default";

  private SdkTracerProvider provider = SdkTracerProvider.builder().build();
  private Tracer tracer = provider.get("bench");
  private VigilSpanExporter vigil = VigilSpanExporter.builder().build();

  @Setup
  public void setUp() {
    provider.shutdown();
    vigil.shutdown();
    VigilSpanExporterBuilder builder = VigilSpanExporter.builder().learningQueueSize(queue);
    if (!share.equals("default")) {
      builder.learningCpuShare(Double.parseDouble(share));
    }
    vigil = builder.build();
    SpanExporter exporter =
        switch (beside) {
          case "vigil" -> SpanExporter.composite(new NoopExporter(), vigil);
          case "noop" -> SpanExporter.composite(new NoopExporter(), new NoopExporter());
          default -> new NoopExporter();
        };
    provider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "bench")))
            .addSpanProcessor(BatchSpanProcessor.builder(exporter).build())
            .build();
    tracer = provider.get("bench");
  }

  @TearDown
  public void tearDown() {
    provider.shutdown().join(10, TimeUnit.SECONDS);
    vigil.shutdown().join(10, TimeUnit.SECONDS);
    if (beside.equals("vigil")) {
      // What learning kept up with: at saturation it sheds batches rather than take more CPU.
      System.out.println("vigil stats: " + vigil.stats());
    }
  }

  /** One call: a client span and its server span, both ended; two spans per operation. */
  @Benchmark
  @OperationsPerInvocation(2)
  public void call() {
    Span client =
        tracer
            .spanBuilder("GET")
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(METHOD, "GET")
            .setAttribute(ADDRESS, "cart")
            .setAttribute(PORT, 8080L)
            .startSpan();
    Span server =
        tracer
            .spanBuilder("GET /cart")
            .setSpanKind(SpanKind.SERVER)
            .setParent(Context.root().with(client))
            .setAttribute(METHOD, "GET")
            .setAttribute(ROUTE, "/cart")
            .startSpan();
    server.setAttribute(STATUS, 200L);
    server.end();
    client.setAttribute(STATUS, 200L);
    client.end();
  }

  /** The real exporter's stand-in: accepts every batch at once. */
  private static final class NoopExporter implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
