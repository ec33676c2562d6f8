package io.vigil.benchmarks.otel;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.StatusData;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Finished spans as a BatchSpanProcessor hands them over: calls between {@code services} services
 * (each a client span and the server span it caused, server first as it ends first), with HTTP
 * attributes, 2% errors and a log-normal latency.
 */
final class TraceFixture {

  private TraceFixture() {}

  /** {@code calls} calls, so twice as many spans, among {@code services} services. */
  static List<SpanData> calls(int calls, int services, long seed) {
    Random random = new Random(seed);
    Resource[] resources = new Resource[services];
    for (int i = 0; i < services; i++) {
      resources[i] =
          Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), "svc-" + i));
    }
    List<SpanData> spans = new ArrayList<>(2 * calls);
    long now = System.currentTimeMillis() * 1_000_000;
    for (int i = 0; i < calls; i++) {
      int caller = random.nextInt(services);
      int callee = (caller + 1 + random.nextInt(Math.max(1, Math.min(3, services - 1)))) % services;
      String traceId = String.format("%016x%016x", random.nextLong(), random.nextLong());
      SpanContext client = context(traceId, random.nextLong());
      SpanContext server = context(traceId, random.nextLong());
      long nanos = (long) (Math.exp(random.nextGaussian() * 0.5 + 1.5) * 1_000_000);
      boolean error = random.nextInt(50) == 0;
      Attributes serverAttributes =
          Attributes.builder()
              .put("http.request.method", "GET")
              .put("url.path", "/api/" + (i % 5))
              .put("http.route", "/api/" + (i % 5))
              .put("http.response.status_code", error ? 500L : 200L)
              .build();
      Attributes clientAttributes =
          Attributes.builder()
              .put("http.request.method", "GET")
              .put("server.address", "svc-" + callee)
              .put("server.port", 8080L)
              .put("http.response.status_code", error ? 500L : 200L)
              .build();
      spans.add(
          new Span(
              server,
              client,
              resources[callee],
              "GET /api/" + (i % 5),
              SpanKind.SERVER,
              now + 100_000,
              now + 100_000 + nanos,
              serverAttributes,
              error));
      spans.add(
          new Span(
              client,
              SpanContext.getInvalid(),
              resources[caller],
              "GET",
              SpanKind.CLIENT,
              now,
              now + nanos + 200_000,
              clientAttributes,
              error));
    }
    return spans;
  }

  /** A root server span of {@code service}: no caller, so nothing waits for a partner. */
  static SpanData root(String service, long seed) {
    Random random = new Random(seed);
    String traceId = String.format("%016x%016x", random.nextLong(), random.nextLong());
    long now = System.currentTimeMillis() * 1_000_000;
    return new Span(
        context(traceId, random.nextLong()),
        SpanContext.getInvalid(),
        Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service)),
        "GET /",
        SpanKind.SERVER,
        now,
        now + 1_000_000,
        Attributes.of(AttributeKey.longKey("http.response.status_code"), 200L),
        false);
  }

  /** One call from {@code caller} to {@code callee}: its server span, then its client span. */
  static List<SpanData> pair(String caller, String callee, long seed) {
    Random random = new Random(seed);
    String traceId = String.format("%016x%016x", random.nextLong(), random.nextLong());
    SpanContext client = context(traceId, random.nextLong());
    SpanContext server = context(traceId, random.nextLong());
    long now = System.currentTimeMillis() * 1_000_000;
    Attributes attributes = Attributes.of(AttributeKey.longKey("http.response.status_code"), 200L);
    return List.of(
        new Span(
            server,
            client,
            Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), callee)),
            "GET /",
            SpanKind.SERVER,
            now,
            now + 1_000_000,
            attributes,
            false),
        new Span(
            client,
            SpanContext.getInvalid(),
            Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), caller)),
            "GET",
            SpanKind.CLIENT,
            now,
            now + 2_000_000,
            attributes,
            false));
  }

  private static SpanContext context(String traceId, long spanId) {
    return SpanContext.create(
        traceId,
        String.format("%016x", spanId == 0 ? 1 : spanId),
        TraceFlags.getSampled(),
        TraceState.getDefault());
  }

  /** An immutable finished span. */
  private record Span(
      SpanContext getSpanContext,
      SpanContext getParentSpanContext,
      Resource getResource,
      String getName,
      SpanKind getKind,
      long getStartEpochNanos,
      long getEndEpochNanos,
      Attributes getAttributes,
      boolean failed)
      implements SpanData {

    @Override
    public StatusData getStatus() {
      return failed ? StatusData.create(StatusCode.ERROR, "") : StatusData.unset();
    }

    @Override
    public List<EventData> getEvents() {
      return List.of();
    }

    @Override
    public List<LinkData> getLinks() {
      return List.of();
    }

    @Override
    public boolean hasEnded() {
      return true;
    }

    @Override
    public int getTotalRecordedEvents() {
      return 0;
    }

    @Override
    public int getTotalRecordedLinks() {
      return 0;
    }

    @Override
    public int getTotalAttributeCount() {
      return getAttributes.size();
    }

    @Override
    @SuppressWarnings("deprecation")
    public io.opentelemetry.sdk.common.InstrumentationLibraryInfo getInstrumentationLibraryInfo() {
      return io.opentelemetry.sdk.common.InstrumentationLibraryInfo.create("fixture", null);
    }

    @Override
    public InstrumentationScopeInfo getInstrumentationScopeInfo() {
      return InstrumentationScopeInfo.create("fixture");
    }
  }
}
