package io.vigil.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.time.TestClock;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.vigil.rca.CallGraph;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the exporter learns from spans: edges, virtual nodes, RED signals per step. */
class SpanLearningTest {

  private static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

  private final TestClock clock = TestClock.create(Instant.ofEpochMilli(T0));
  private final RecordingListener listener = new RecordingListener();
  private final CallGraph graph = new CallGraph();

  private VigilSpanExporterBuilder inline() {
    return VigilSpanExporter.builder()
        .callGraph(graph)
        .signalListener(listener)
        .clock(clock)
        .step(Duration.ofMinutes(1))
        .learningQueueSize(0)
        .idleCheckInterval(Duration.ZERO);
  }

  @Test
  void pairsClientAndServerSpansIntoAnEdgeWhateverTheirOrder() {
    VigilSpanExporter exporter = inline().build();
    List<SpanData> call = Spans.call("web", "cart", T0, 30, false);
    exporter.export(List.of(call.get(0)));
    exporter.export(List.of(call.get(1)));
    List<SpanData> reversed = Spans.call("web", "cart", T0, 30, false);
    exporter.export(List.of(reversed.get(1), reversed.get(0)));

    assertThat(graph.edges()).containsExactly(List.of("web", "cart"));
    assertThat(graph.edge("web", "cart").orElseThrow().snapshot().calls()).isEqualTo(2);
    assertThat(exporter.stats().edgeCalls()).isEqualTo(2);
    assertThat(exporter.stats().pendingSpans()).isZero();
  }

  @Test
  void unpairedClientSpanExpiresToAVirtualNodeNamedByServerAddress() {
    VigilSpanExporter exporter = inline().pendingTtl(Duration.ofSeconds(5)).build();
    SpanData client =
        Spans.span("web", SpanKind.CLIENT, Spans.context(Spans.traceId()), T0, 12)
            .setAttributes(
                Attributes.of(
                    AttributeKey.stringKey("server.address"),
                    "payments.internal",
                    AttributeKey.longKey("server.port"),
                    8443L))
            .build();
    exporter.export(List.of(client));
    assertThat(graph.edges()).isEmpty();
    assertThat(exporter.stats().pendingSpans()).isEqualTo(1);

    clock.advance(Duration.ofSeconds(6));
    exporter.advance(clock.now() / 1_000_000);

    assertThat(graph.edges()).containsExactly(List.of("web", "payments.internal:8443"));
    assertThat(exporter.stats().expiredClientSpans()).isEqualTo(1);
    assertThat(exporter.stats().pendingSpans()).isZero();
  }

  @Test
  void unpairedServerSpanIsCountedAndLearnsNoEdge() {
    VigilSpanExporter exporter = inline().pendingTtl(Duration.ofSeconds(5)).build();
    SpanData server =
        Spans.span("cart", SpanKind.SERVER, Spans.context(Spans.traceId()), T0, 3)
            .setParentSpanContext(Spans.context(Spans.traceId()))
            .build();
    exporter.export(List.of(server));
    exporter.advance(T0 + 10_000);

    assertThat(graph.edges()).isEmpty();
    assertThat(graph.services()).containsExactly("cart");
    assertThat(exporter.stats().expiredServerSpans()).isEqualTo(1);
  }

  @Test
  void databaseCallIsAnEdgeAtOnceWithoutWaiting() {
    VigilSpanExporter exporter = inline().build();
    SpanData query =
        Spans.span("cart", SpanKind.CLIENT, Spans.context(Spans.traceId()), T0, 4)
            .setAttributes(
                Attributes.of(
                    AttributeKey.stringKey("db.system.name"),
                    "postgresql",
                    AttributeKey.stringKey("db.namespace"),
                    "orders"))
            .build();
    exporter.export(List.of(query));

    assertThat(graph.edges()).containsExactly(List.of("cart", "orders"));
    assertThat(exporter.stats().pendingSpans()).isZero();
  }

  @Test
  void pairsProducerAndConsumerThroughTheConsumersLink() {
    VigilSpanExporter exporter = inline().build();
    SpanContext producer = Spans.context(Spans.traceId());
    SpanData send = Spans.span("shop", SpanKind.PRODUCER, producer, T0, 2).build();
    SpanData receive =
        Spans.span("mailer", SpanKind.CONSUMER, Spans.context(Spans.traceId()), T0 + 50, 9)
            .setLinks(List.of(Spans.link(producer)))
            .setTotalRecordedLinks(1)
            .build();
    exporter.export(List.of(send, receive));

    assertThat(graph.edges()).containsExactly(List.of("shop", "mailer"));
  }

  @Test
  void emitsRedSignalsForEachClosedStep() {
    VigilSpanExporter exporter = inline().build();
    List<SpanData> batch = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      batch.addAll(Spans.call("web", "cart", T0 + i, i < 90 ? 10 : 200, i >= 95));
    }
    exporter.export(batch);
    assertThat(listener.values).isEmpty();

    exporter.advance(T0 + 60_000);

    assertThat(listener.last("cart", "server.calls")).isEqualTo(100.0);
    assertThat(listener.last("cart", "server.errors")).isEqualTo(5.0);
    assertThat(listener.last("cart", "server.latency.p50")).isCloseTo(8.0, within(1.0));
    assertThat(listener.last("cart", "server.latency.p99")).isCloseTo(198.0, within(25.0));
    assertThat(listener.last("cart", "operation.calls{name=GET /cart}")).isEqualTo(100.0);
    assertThat(listener.last("cart", "inbound.calls{caller=web}")).isEqualTo(100.0);
    assertThat(listener.last("cart", "inbound.errors{caller=web}")).isEqualTo(5.0);
    assertThat(listener.last("cart", "edge.calls{caller=web}")).isEqualTo(100.0);
    assertThat(listener.last("cart", "edge.latency.p99{caller=web}"))
        .isCloseTo(200.0, within(25.0));
    assertThat(listener.values).allMatch(v -> v.timestampMillis() == T0 + 60_000);
    assertThat(exporter.stats().stepsClosed()).isEqualTo(1);

    // The next step had no calls: counts go to zero, percentiles to NaN.
    exporter.advance(T0 + 120_000);
    assertThat(listener.last("cart", "server.calls")).isZero();
    assertThat(listener.last("cart", "server.latency.p99")).isNaN();
  }

  @Test
  void countsEachOutgoingCallPerRequestByNameSoACallNoLongerMadeShows() {
    VigilSpanExporter exporter = inline().build();
    List<SpanData> batch = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      batch.add(Spans.span("web", SpanKind.SERVER, Spans.context(Spans.traceId()), T0, 5).build());
      batch.add(
          Spans.span("web", SpanKind.CLIENT, Spans.context(Spans.traceId()), T0, 1)
              .setName("GetCart")
              .build());
      if (i < 1) {
        batch.add(
            Spans.span("web", SpanKind.CLIENT, Spans.context(Spans.traceId()), T0, 1)
                .setName("SendMail")
                .build());
      }
      batch.add(
          Spans.span("web", SpanKind.INTERNAL, Spans.context(Spans.traceId()), T0, 1).build());
    }
    exporter.export(batch);
    exporter.advance(T0 + 60_000);

    assertThat(listener.last("web", "server.work")).isEqualTo(9.0 / 4);
    assertThat(listener.last("web", "server.outgoing{name=GetCart}")).isEqualTo(1.0);
    assertThat(listener.last("web", "server.outgoing{name=SendMail}")).isEqualTo(0.25);
    assertThat(listener.values).noneMatch(v -> v.signal().equals("server.outgoing{name=call}"));

    // A name once seen reports 0 in a step where requests no longer make that call.
    exporter.export(
        List.of(
            Spans.span("web", SpanKind.SERVER, Spans.context(Spans.traceId()), T0 + 61_000, 5)
                .build()));
    exporter.advance(T0 + 120_000);
    assertThat(listener.last("web", "server.outgoing{name=SendMail}")).isZero();
  }

  @Test
  void httpServerErrorsAndGrpcFailuresCountAsErrors() {
    VigilSpanExporter exporter = inline().build();
    SpanData http500 =
        Spans.span("api", SpanKind.SERVER, Spans.context(Spans.traceId()), T0, 1)
            .setAttributes(Attributes.of(AttributeKey.longKey("http.response.status_code"), 503L))
            .build();
    SpanData oldHttp500 =
        Spans.span("api", SpanKind.SERVER, Spans.context(Spans.traceId()), T0, 1)
            .setAttributes(Attributes.of(AttributeKey.longKey("http.status_code"), 500L))
            .build();
    SpanData http404 =
        Spans.span("api", SpanKind.SERVER, Spans.context(Spans.traceId()), T0, 1)
            .setAttributes(Attributes.of(AttributeKey.longKey("http.response.status_code"), 404L))
            .build();
    SpanData grpc =
        Spans.span("api", SpanKind.SERVER, Spans.context(Spans.traceId()), T0, 1)
            .setAttributes(Attributes.of(AttributeKey.longKey("rpc.grpc.status_code"), 14L))
            .build();
    exporter.export(List.of(http500, oldHttp500, http404, grpc));
    exporter.advance(T0 + 60_000);

    assertThat(listener.last("api", "server.calls")).isEqualTo(4.0);
    assertThat(listener.last("api", "server.errors")).isEqualTo(3.0);
  }

  @Test
  void eventTimeClosesStepsAsSpansMoveOnWithoutAClock() {
    VigilSpanExporter exporter = inline().eventTime(true).build();
    exporter.export(Spans.call("web", "cart", T0 + 1_000, 10, false));
    assertThat(listener.values).isEmpty();
    exporter.export(Spans.call("web", "cart", T0 + 61_000, 10, false));

    assertThat(listener.last("cart", "server.calls")).isEqualTo(1.0);
    assertThat(listener.values).allMatch(v -> v.timestampMillis() == T0 + 60_000);
  }

  @Test
  void capsOnServicesOperationsAndPendingSpansAreCountedNotThrown() {
    VigilSpanExporter exporter =
        inline().maxServices(2).maxOperationsPerService(1).maxPendingSpans(1).build();
    exporter.export(Spans.call("a", "b", T0, 5, false));
    exporter.export(Spans.call("a", "c", T0, 5, false));
    SpanData other =
        Spans.span("b", SpanKind.SERVER, Spans.context(Spans.traceId()), T0, 1)
            .setName("POST /other")
            .build();
    exporter.export(List.of(other));
    SpanContext orphanParent = Spans.context(Spans.traceId());
    SpanData waiting =
        Spans.span("b", SpanKind.SERVER, Spans.context(orphanParent.getTraceId()), T0, 1)
            .setParentSpanContext(orphanParent)
            .build();
    SpanData second =
        Spans.span("b", SpanKind.SERVER, Spans.context(Spans.traceId()), T0, 1)
            .setParentSpanContext(Spans.context(Spans.traceId()))
            .build();
    exporter.export(List.of(waiting, second));

    LearningStats stats = exporter.stats();
    assertThat(graph.services()).containsExactlyInAnyOrder("a", "b");
    assertThat(stats.droppedServices()).isPositive();
    assertThat(stats.droppedOperations()).isEqualTo(1);
    assertThat(stats.droppedPendingSpans()).isEqualTo(1);
    assertThat(stats.pendingSpans()).isEqualTo(1);
  }

  private static org.assertj.core.data.Offset<Double> within(double delta) {
    return org.assertj.core.data.Offset.offset(delta);
  }
}
