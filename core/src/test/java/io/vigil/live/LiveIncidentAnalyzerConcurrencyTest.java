package io.vigil.live;

import static io.vigil.live.Cascade.at;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.rca.Anomaly;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Several sources feeding one analyzer from their own threads, as the exporter and registry do. */
class LiveIncidentAnalyzerConcurrencyTest {

  @Test
  void sourcesOnSeveralThreadsGetOneReportAndEveryPointCounted() throws Exception {
    Cascade cascade = new Cascade();
    List<IncidentReport> received = new CopyOnWriteArrayList<>();
    LiveIncidentAnalyzer analyzer =
        LiveIncidentAnalyzer.builder().graph(cascade.graph).listener(received::add).build();
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    String[] services = {"database", "user-service", "web-frontend"};
    int extraSignals = 50;
    CyclicBarrier stepDone = new CyclicBarrier(services.length + 1);
    List<Thread> sources = new ArrayList<>();
    for (int s = 0; s < services.length; s++) {
      String service = services[s];
      int lag = s;
      Thread source =
          new Thread(
              () -> {
                java.util.Random random = new java.util.Random(lag);
                try {
                  for (int step = 0; step < 100; step++) {
                    boolean slow = step >= 60 + lag && step < 68 + lag;
                    analyzer.onSignal(
                        service,
                        "latency",
                        at(step),
                        10 + random.nextGaussian() + (slow ? 400 : 0));
                    for (int k = 0; k < extraSignals; k++) {
                      analyzer.onSignal(
                          service, "other." + k, at(step), 50 + random.nextGaussian());
                    }
                    stepDone.await(10, TimeUnit.SECONDS);
                  }
                } catch (Exception | AssertionError e) {
                  failures.add(e);
                }
              });
      sources.add(source);
      source.start();
    }
    // A fourth thread sends the sources' own anomalies and advances time, as a registry's does.
    for (int step = 0; step < 100; step++) {
      if (step == 61) {
        analyzer.onAnomaly(new Anomaly("user-service", "errors", at(61), 1.0));
      }
      analyzer.advance(at(step));
      stepDone.await(10, TimeUnit.SECONDS);
    }
    for (Thread source : sources) {
      source.join(10_000);
    }

    assertThat(failures).isEmpty();
    AnalyzerCounts counts = analyzer.counts();
    assertThat(counts.points()).isEqualTo(3L * 100 * (1 + extraSignals));
    // Plus user-service/errors, the signal of the source's own anomaly.
    assertThat(counts.signals()).isEqualTo(3 * (1 + extraSignals) + 1);
    assertThat(counts.analysisFailures()).isZero();
    assertThat(received)
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.topCause())
                    .get()
                    .extracting(ReportedCause::service)
                    .isEqualTo("database"));
  }
}
