package io.vigil.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.vigil.live.SignalListener;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The exporter's contract toward the SDK: delegate first, never throw, never block, shut down. */
class VigilSpanExporterTest {

  @Test
  void delegateGetsEveryBatchFirstAndItsResultIsReturnedUnchanged() {
    InMemorySpanExporter real = InMemorySpanExporter.create();
    VigilSpanExporter vigil = VigilSpanExporter.builder().delegate(real).build();
    SdkTracerProvider tracing =
        SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(vigil)).build();
    tracing.get("test").spanBuilder("work").startSpan().end();

    assertThat(real.getFinishedSpanItems()).extracting(SpanData::getName).containsExactly("work");
    assertThat(vigil.flush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    assertThat(vigil.stats().spansLearned()).isEqualTo(1);

    CompletableResultCode failing = CompletableResultCode.ofFailure();
    VigilSpanExporter wrapping = VigilSpanExporter.builder().delegate(new Fixed(failing)).build();
    assertThat(wrapping.export(Spans.call("a", "b", 0, 5, false))).isSameAs(failing);
    tracing.shutdown();
    wrapping.shutdown();
  }

  @Test
  void aThrowingDelegateOrListenerNeverEscapesExport() {
    SpanExporter throwing = new Fixed(null);
    SignalListener angry =
        (service, signal, timestamp, value) -> {
          throw new IllegalStateException("listener bug");
        };
    VigilSpanExporter vigil =
        VigilSpanExporter.builder()
            .delegate(throwing)
            .signalListener(angry)
            .eventTime(true)
            .learningQueueSize(0)
            .build();

    CompletableResultCode first = vigil.export(Spans.call("a", "b", 0, 5, false));
    vigil.export(Spans.call("a", "b", 120_000, 5, false));

    assertThat(first.isDone()).isTrue();
    assertThat(first.isSuccess()).isFalse();
    assertThat(vigil.stats().learningFailures()).isPositive();
    assertThat(vigil.shutdown().isDone()).isTrue();
  }

  @Test
  void exportAfterShutdownFailsFastAndShutdownIsIdempotent() {
    InMemorySpanExporter real = InMemorySpanExporter.create();
    VigilSpanExporter vigil = VigilSpanExporter.builder().delegate(real).build();

    assertThat(vigil.shutdown().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    assertThat(vigil.shutdown().isSuccess()).isTrue();
    CompletableResultCode late = vigil.export(Spans.call("a", "b", 0, 5, false));

    assertThat(late.isDone()).isTrue();
    assertThat(late.isSuccess()).isFalse();
    assertThat(real.getFinishedSpanItems()).isEmpty();
  }

  @Test
  void aFullLearningQueueDropsFromLearningOnlyAndNeverBlocks() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch stuck = new CountDownLatch(1);
    SignalListener slow =
        (service, signal, timestamp, value) -> {
          stuck.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    InMemorySpanExporter real = InMemorySpanExporter.create();
    VigilSpanExporter vigil =
        VigilSpanExporter.builder()
            .delegate(real)
            .signalListener(slow)
            .eventTime(true)
            .learningQueueSize(1)
            .build();
    // The second batch crosses a step, so the learning thread blocks in the listener.
    vigil.export(Spans.call("a", "b", 0, 5, false));
    assertThat(vigil.flush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    vigil.export(Spans.call("a", "b", 61_000, 5, false));
    assertThat(stuck.await(10, TimeUnit.SECONDS)).isTrue();

    // One batch of the queue holds 512 spans; the 2 being learned still hold their slots, so of
    // 600 more spans 510 wait and 90 are dropped from learning.
    long start = System.nanoTime();
    for (int i = 0; i < 300; i++) {
      vigil.export(Spans.call("a", "b", 62_000 + i, 5, false));
    }
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(elapsedMillis).as("export never waits for learning").isLessThan(5_000);
    assertThat(real.getFinishedSpanItems()).hasSize(604);
    assertThat(vigil.stats().droppedQueueSpans()).isEqualTo(90);

    release.countDown();
    assertThat(vigil.flush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    assertThat(vigil.stats().spansLearned()).isEqualTo(514);
    vigil.shutdown().join(10, TimeUnit.SECONDS);
  }

  @Test
  void noSpanIsKeptOnceExportReturnsEvenWhileLearningIsBehind() throws Exception {
    CountDownLatch stuck = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    SignalListener slow =
        (service, signal, timestamp, value) -> {
          stuck.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        };
    VigilSpanExporter vigil =
        VigilSpanExporter.builder().signalListener(slow).eventTime(true).build();
    vigil.export(Spans.call("a", "b", 0, 5, false));
    vigil.export(Spans.call("a", "b", 61_000, 5, false));
    assertThat(stuck.await(10, TimeUnit.SECONDS)).isTrue();

    // Learning is stuck in the listener; the batch exported now waits to be learned.
    List<WeakReference<SpanData>> exported = exportAndForget(vigil);
    for (int i = 0; i < 20 && exported.stream().anyMatch(r -> r.get() != null); i++) {
      System.gc();
      Thread.sleep(50);
    }
    assertThat(exported).allSatisfy(span -> assertThat(span.get()).isNull());

    release.countDown();
    assertThat(vigil.flush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    assertThat(vigil.stats().spansLearned()).isEqualTo(6);
    assertThat(vigil.stats().edgeCalls()).isEqualTo(3);
    vigil.shutdown().join(10, TimeUnit.SECONDS);
  }

  private static List<WeakReference<SpanData>> exportAndForget(VigilSpanExporter vigil) {
    List<SpanData> batch = new ArrayList<>(Spans.call("a", "b", 62_000, 5, false));
    vigil.export(batch);
    List<WeakReference<SpanData>> references = new ArrayList<>();
    batch.forEach(span -> references.add(new WeakReference<>(span)));
    return references;
  }

  @Test
  void theLearningThreadClosesIdleStepsOnItsOwn() throws Exception {
    RecordingListener listener = new RecordingListener();
    VigilSpanExporter vigil =
        VigilSpanExporter.builder()
            .signalListener(listener)
            .step(Duration.ofMillis(200))
            .idleCheckInterval(Duration.ofMillis(20))
            .build();
    long now = System.currentTimeMillis();
    vigil.export(Spans.call("web", "cart", now, 5, false));

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (listener.last("cart", "server.calls") == null && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(listener.last("cart", "server.calls")).isNotNull();
    assertThat(vigil.shutdown().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
  }

  @Test
  void badSettingsAreRejectedNamingTheSetting() {
    assertThatThrownBy(() -> VigilSpanExporter.builder().step(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("step")
        .hasMessageContaining("PT0S");
    assertThatThrownBy(() -> VigilSpanExporter.builder().maxEdges(0).build())
        .hasMessageContaining("maxEdges must be >= 1 but was 0");
    assertThatThrownBy(() -> VigilSpanExporter.builder().learningQueueSize(-1))
        .hasMessageContaining("learningQueueSize");
    assertThatThrownBy(() -> VigilSpanExporter.builder().learningCpuShare(1.5))
        .hasMessageContaining("learningCpuShare must be in (0, 1] but was 1.5");
  }

  /** An exporter answering every export with one result, or throwing when it has none. */
  private static final class Fixed implements SpanExporter {
    private final CompletableResultCode result;
    final List<Collection<SpanData>> batches = new ArrayList<>();

    Fixed(CompletableResultCode result) {
      this.result = result;
    }

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      if (result == null) {
        throw new IllegalStateException("delegate bug");
      }
      batches.add(spans);
      return result;
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
