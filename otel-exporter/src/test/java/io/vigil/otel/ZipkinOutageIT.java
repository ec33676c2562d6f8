package io.vigil.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.zipkin.ZipkinSpanExporter;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Vigil beside a real trace backend that goes away. Two services' SDKs export through one
 * BatchSpanProcessor each to a composite of the Zipkin exporter and Vigil, against a Zipkin server
 * started on 127.0.0.1. Zipkin is stopped for {@code vigil.zipkin.outage.seconds} (60 in the
 * build): no application thread blocks, Vigil stays within its bounds and keeps learning, and
 * Zipkin gets spans again once it is back.
 */
class ZipkinOutageIT {

  private static final int MAX_PENDING = 2_000;

  /** Counts the spans the real exporter accepted, to check Zipkin holds every one of them. */
  private static final class Counting implements SpanExporter {
    private final SpanExporter delegate;
    final AtomicLong given = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();

    Counting(SpanExporter delegate) {
      this.delegate = delegate;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      given.addAndGet(spans.size());
      CompletableResultCode result = delegate.export(spans);
      int size = spans.size();
      result.whenComplete(
          () -> {
            if (result.isSuccess()) {
              accepted.addAndGet(size);
            }
          });
      return result;
    }

    @Override
    public CompletableResultCode flush() {
      return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
      return delegate.shutdown();
    }
  }

  @Test
  void aZipkinOutageNeitherBlocksTheApplicationNorStopsLearning() throws Exception {
    Path jar = Path.of(System.getProperty("vigil.zipkin.jar", "target/zipkin/zipkin-server.jar"));
    int outageSeconds = Integer.getInteger("vigil.zipkin.outage.seconds", 60);
    RecordingListener signals = new RecordingListener();
    VigilSpanExporter vigil =
        VigilSpanExporter.builder()
            .signalListener(signals)
            .step(Duration.ofSeconds(1))
            .maxPendingSpans(MAX_PENDING)
            .pendingTtl(Duration.ofSeconds(2))
            .build();
    try (ZipkinServer zipkin = new ZipkinServer(jar, Path.of("target", "zipkin-outage.log"))) {
      zipkin.start();
      List<Counting> real = new ArrayList<>();
      List<SdkTracerProvider> providers = new ArrayList<>();
      Tracer web = tracer("web", zipkin, vigil, real, providers);
      Tracer api = tracer("api", zipkin, vigil, real, providers);
      Load load = new Load(web, api);
      load.start();

      // Up: every span the real exporter accepted is in Zipkin.
      Thread.sleep(5_000);
      load.pause();
      for (SdkTracerProvider provider : providers) {
        provider.forceFlush().join(30, TimeUnit.SECONDS);
      }
      long accepted = real.stream().mapToLong(c -> c.accepted.get()).sum();
      assertThat(accepted).isPositive();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      long stored = 0;
      while (stored < accepted && System.nanoTime() < deadline) {
        stored = zipkin.spanCount("web", Duration.ofMinutes(10));
        Thread.sleep(200);
      }
      assertThat(stored).as("spans in Zipkin of %d accepted", accepted).isEqualTo(accepted);

      // Down.
      zipkin.stop();
      long heapBefore = usedHeapAfterGc();
      LearningStats before = vigil.stats();
      long givenBefore = real.stream().mapToLong(c -> c.given.get()).sum();
      long outageStart = System.currentTimeMillis();
      load.resume();
      Thread.sleep(outageSeconds * 1_000L);
      long outageEnd = System.currentTimeMillis();
      LearningStats during = vigil.stats();
      long heapGrowth = usedHeapAfterGc() - heapBefore;

      assertThat(load.maxEndMillis())
          .as("slowest span.end() on an application thread, ms")
          .isLessThan(1_000);
      assertThat(load.failures.get()).isZero();
      assertThat(during.spansLearned()).isGreaterThan(before.spansLearned());
      assertThat(during.edgeCalls()).isGreaterThan(before.edgeCalls());
      assertThat(during.pendingSpans()).isLessThanOrEqualTo(MAX_PENDING);
      assertThat(heapGrowth).as("heap growth during the outage, bytes").isLessThan(64L << 20);
      assertThat(signals.values)
          .anyMatch(
              v ->
                  v.service().equals("api")
                      && v.signal().equals("inbound.calls{caller=web}")
                      && v.timestampMillis() > outageStart + 1_000
                      && v.timestampMillis() <= outageEnd
                      && v.value() > 0);
      long givenDuringOutage = real.stream().mapToLong(c -> c.given.get()).sum();

      // Back: Zipkin gets spans again.
      zipkin.start();
      long acceptedBefore = real.stream().mapToLong(c -> c.accepted.get()).sum();
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (real.stream().mapToLong(c -> c.accepted.get()).sum() <= acceptedBefore
          && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }
      load.stop();
      assertThat(real.stream().mapToLong(c -> c.accepted.get()).sum())
          .isGreaterThan(acceptedBefore);
      assertThat(zipkin.spanCount("web", Duration.ofSeconds(30))).isPositive();
      assertThat(givenDuringOutage)
          .as("spans the real exporter was given while down")
          .isGreaterThan(givenBefore);
      assertThat(vigil.graph().edges()).contains(List.of("web", "api"));
      for (SdkTracerProvider provider : providers) {
        provider.shutdown().join(30, TimeUnit.SECONDS);
      }
    } finally {
      vigil.shutdown().join(10, TimeUnit.SECONDS);
    }
  }

  private static Tracer tracer(
      String service,
      ZipkinServer zipkin,
      VigilSpanExporter vigil,
      List<Counting> real,
      List<SdkTracerProvider> providers) {
    Counting counting =
        new Counting(ZipkinSpanExporter.builder().setEndpoint(zipkin.spansEndpoint()).build());
    real.add(counting);
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service)))
            .addSpanProcessor(
                BatchSpanProcessor.builder(SpanExporter.composite(counting, vigil))
                    .setScheduleDelay(Duration.ofMillis(200))
                    .build())
            .build();
    providers.add(provider);
    return provider.get("zipkin-outage");
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(50);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** Two application threads making web -> api calls at a steady rate, timing each span end. */
  private static final class Load {
    private final Tracer web;
    private final Tracer api;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean paused = new AtomicBoolean();
    private final AtomicLong maxEndNanos = new AtomicLong();
    final AtomicLong failures = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    Load(Tracer web, Tracer api) {
      this.web = web;
      this.api = api;
    }

    void start() {
      for (int i = 0; i < 2; i++) {
        Thread thread = new Thread(this::run, "app-" + i);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
      }
    }

    private void run() {
      while (running.get()) {
        try {
          if (!paused.get()) {
            call();
          }
          Thread.sleep(2);
        } catch (InterruptedException e) {
          return;
        } catch (RuntimeException e) {
          failures.incrementAndGet();
        }
      }
    }

    private void call() {
      Span client =
          web.spanBuilder("GET")
              .setSpanKind(SpanKind.CLIENT)
              .setAttribute("server.address", "api.internal")
              .setAttribute("server.port", 8080L)
              .startSpan();
      Span server =
          api.spanBuilder("GET /items")
              .setSpanKind(SpanKind.SERVER)
              .setParent(Context.root().with(client))
              .setAttribute("http.response.status_code", 200L)
              .startSpan();
      long start = System.nanoTime();
      server.end();
      client.end();
      maxEndNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
    }

    long maxEndMillis() {
      return maxEndNanos.get() / 1_000_000;
    }

    void pause() throws InterruptedException {
      paused.set(true);
      Thread.sleep(50);
    }

    void resume() {
      maxEndNanos.set(0);
      paused.set(false);
    }

    void stop() throws InterruptedException {
      running.set(false);
      for (Thread thread : threads) {
        thread.join(5_000);
      }
    }
  }
}
