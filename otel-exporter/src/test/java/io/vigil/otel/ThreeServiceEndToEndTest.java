package io.vigil.otel;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.vigil.live.IncidentReport;
import io.vigil.live.LiveIncidentAnalyzer;
import io.vigil.live.SignalListener;
import io.vigil.rca.Anomaly;
import io.vigil.rca.CallGraph;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three services in this JVM on 127.0.0.1 (frontend -> checkout -> payments) calling each other
 * over real HTTP with W3C trace context, their spans going through BatchSpanProcessors to Vigil.
 * Payments turns slow and failing; the incident analyzer fed by Vigil's signals must name it first.
 * A second run gives each service an SDK and an exporter of its own, so that each sees one side of
 * each call: the edges must still appear, to virtual nodes named by the server's address.
 */
class ThreeServiceEndToEndTest {

  private static final Duration STEP = Duration.ofMillis(250);
  private static final int NORMAL_STEPS = 40;
  private static final int FAULT_STEPS = 12;
  private static final int REQUESTS_PER_STEP = 6;

  private final CallGraph graph = new CallGraph();
  private final RecordingListener signals = new RecordingListener();
  private final List<IncidentReport> reports = new CopyOnWriteArrayList<>();
  private final LiveIncidentAnalyzer analyzer =
      LiveIncidentAnalyzer.builder()
          .graph(graph)
          .step(STEP)
          .history(80)
          .settle(STEP.multipliedBy(4))
          .listener(reports::add)
          .build();
  private final SignalListener both =
      new SignalListener() {
        @Override
        public void onSignal(String service, String signal, long timestampMillis, double value) {
          signals.onSignal(service, signal, timestampMillis, value);
          analyzer.onSignal(service, signal, timestampMillis, value);
        }

        @Override
        public void onAnomaly(Anomaly anomaly) {
          analyzer.onAnomaly(anomaly);
        }
      };
  private final List<VigilSpanExporter> exporters = new ArrayList<>();
  private final List<SdkTracerProvider> providers = new ArrayList<>();
  private final List<LoopbackService> services = new ArrayList<>();

  @AfterEach
  void stop() {
    LoopbackService.closeAll(services);
    providers.forEach(p -> p.shutdown().join(10, TimeUnit.SECONDS));
    exporters.forEach(e -> e.shutdown().join(10, TimeUnit.SECONDS));
    analyzer.close();
  }

  private VigilSpanExporter exporter() {
    VigilSpanExporter exporter =
        VigilSpanExporter.builder()
            .callGraph(graph)
            .signalListener(both)
            .step(STEP)
            .pendingTtl(Duration.ofSeconds(1))
            .idleCheckInterval(Duration.ofMillis(25))
            .build();
    exporters.add(exporter);
    return exporter;
  }

  private SdkTracerProvider provider(String service, VigilSpanExporter exporter) {
    SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), service)))
            .addSpanProcessor(
                BatchSpanProcessor.builder(exporter)
                    .setScheduleDelay(Duration.ofMillis(50))
                    .build())
            .build();
    providers.add(provider);
    return provider;
  }

  private LoopbackService[] start(Function<String, VigilSpanExporter> exporterOf) throws Exception {
    LoopbackService payments =
        new LoopbackService(
            "payments", provider("payments", exporterOf.apply("payments")).get("e2e"), null);
    LoopbackService checkout =
        new LoopbackService(
            "checkout", provider("checkout", exporterOf.apply("checkout")).get("e2e"), payments);
    LoopbackService frontend =
        new LoopbackService(
            "frontend", provider("frontend", exporterOf.apply("frontend")).get("e2e"), checkout);
    services.addAll(List.of(payments, checkout, frontend));
    return new LoopbackService[] {frontend, checkout, payments};
  }

  /** Sends a steady load for {@code steps} steps. */
  private static void load(LoopbackService entry, int steps) throws InterruptedException {
    HttpClient client = HttpClient.newHttpClient();
    long pause = STEP.toMillis() / REQUESTS_PER_STEP;
    for (int i = 0; i < steps * REQUESTS_PER_STEP; i++) {
      long start = System.nanoTime();
      LoopbackService.request(client, entry);
      long left = pause - (System.nanoTime() - start) / 1_000_000;
      if (left > 0) {
        Thread.sleep(left);
      }
    }
  }

  @Test
  void oneExporterSeesBothSidesAndTheReportNamesTheFailingServiceFirst() throws Exception {
    VigilSpanExporter shared = exporter();
    LoopbackService[] s = start(name -> shared);
    LoopbackService frontend = s[0];
    LoopbackService payments = s[2];

    load(frontend, NORMAL_STEPS);
    long faultStart = System.currentTimeMillis();
    payments.degrade(60, 0.5);
    load(frontend, FAULT_STEPS);
    payments.degrade(0, 0);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (faultReports(faultStart).isEmpty() && System.nanoTime() < deadline) {
      load(frontend, 1);
    }

    assertThat(graph.edges())
        .containsExactlyInAnyOrder(
            List.of("frontend", "checkout"), List.of("checkout", "payments"));
    assertThat(signals.values)
        .anyMatch(
            v ->
                v.service().equals("payments")
                    && v.signal().equals("server.errors")
                    && v.value() > 0);
    List<IncidentReport> incident = faultReports(faultStart);
    assertThat(incident).as("reports: %s", reports).isNotEmpty();
    assertThat(incident.get(0).topCause())
        .hasValueSatisfying(c -> assertThat(c.service()).isEqualTo("payments"));
    assertThat(shared.stats().expiredClientSpans()).isZero();
  }

  @Test
  void oneSdkPerServiceSeesOneSideAndStillLearnsTheEdgesAsVirtualNodes() throws Exception {
    LoopbackService[] s = start(name -> exporter());
    LoopbackService frontend = s[0];
    LoopbackService checkout = s[1];
    LoopbackService payments = s[2];

    load(frontend, 8);
    payments.degrade(30, 0.5);
    load(frontend, 8);
    payments.degrade(0, 0);
    Thread.sleep(1_500);
    load(frontend, 2);
    for (VigilSpanExporter exporter : exporters) {
      exporter.flush().join(10, TimeUnit.SECONDS);
    }

    String checkoutNode = "127.0.0.1:" + checkout.port();
    String paymentsNode = "127.0.0.1:" + payments.port();
    assertThat(graph.edges())
        .contains(List.of("frontend", checkoutNode), List.of("checkout", paymentsNode));
    assertThat(signals.values)
        .anyMatch(
            v ->
                v.service().equals(paymentsNode)
                    && v.signal().equals("edge.errors{caller=checkout}")
                    && v.value() > 0);
    // Exporters in start order: payments, checkout, frontend. Each saw one side of each call.
    assertThat(exporters.get(0).stats().expiredServerSpans()).isPositive();
    assertThat(exporters.get(1).stats().expiredServerSpans()).isPositive();
    assertThat(exporters.get(1).stats().expiredClientSpans()).isPositive();
    assertThat(exporters.get(2).stats().expiredClientSpans()).isPositive();
    assertThat(exporters).allSatisfy(e -> assertThat(e.stats().droppedPendingSpans()).isZero());
  }

  private List<IncidentReport> faultReports(long faultStart) {
    return reports.stream().filter(r -> r.settledMillis() >= faultStart).toList();
  }
}
