package io.vigil.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.util.internal.logging.InternalLogLevel;
import io.micrometer.common.util.internal.logging.LogEvent;
import io.micrometer.common.util.internal.logging.MockLoggerFactory;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.live.SignalListener;
import io.vigil.rca.Anomaly;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The registry's detection, bounds and listener contract. */
class VigilAnomalyMeterRegistryTest {

  private final MockClock clock = new MockClock();
  private final List<AnomalyEvent> events = new ArrayList<>();
  private final MockLoggerFactory loggers = new MockLoggerFactory();

  private static final Map<String, String> FAST =
      Map.of("detector", "zscore", "detectorSettings", "window=20,min-points=5,threshold=4");

  private VigilAnomalyMeterRegistry registry(Map<String, String> settings) {
    return registry(settings, builder -> builder);
  }

  private VigilAnomalyMeterRegistry registry(
      Map<String, String> settings, UnaryOperator<VigilAnomalyMeterRegistry.Builder> customize) {
    VigilAnomalyConfig config =
        key -> {
          if (key.equals("vigil.anomaly.enabled")) {
            return "false";
          }
          return settings.get(key.substring("vigil.anomaly.".length()));
        };
    return loggers.injectLogger(
        () ->
            customize
                .apply(VigilAnomalyMeterRegistry.builder(config).clock(clock).listener(events::add))
                .build());
  }

  private VigilAnomalyMeterRegistry fastRegistry() {
    return registry(FAST);
  }

  /** Thirty steady steps of about 10 per second, then a step ten times higher. */
  private void steadyThenJump(VigilAnomalyMeterRegistry registry, Counter orders) {
    for (int i = 0; i < 30; i++) {
      orders.increment(600 + (i % 3) * 6);
      step(registry);
    }
    orders.increment(6000);
    step(registry);
  }

  private void step(VigilAnomalyMeterRegistry registry) {
    clock.add(Duration.ofMinutes(1));
    registry.publish();
  }

  private SimpleMeterRegistry exported(VigilAnomalyMeterRegistry registry) {
    SimpleMeterRegistry exported = new SimpleMeterRegistry();
    registry.metrics().bindTo(exported);
    return exported;
  }

  private List<LogEvent> warnings(Class<?> logger) {
    return loggers.getLogger(logger).getLogEvents().stream()
        .filter(e -> e.getLevel() == InternalLogLevel.WARN)
        .toList();
  }

  @Test
  void cardinalityBombStaysUnderTheCapCountsDropsAndWarnsOnce() {
    VigilAnomalyMeterRegistry registry = registry(Map.of("maxSeries", "1000"));

    for (int i = 0; i < 1_000_000; i++) {
      registry.counter("orders", "customer", Integer.toString(i)).increment();
    }

    long watched =
        registry.getMeters().stream().filter(m -> m.getId().getName().equals("orders")).count();
    assertThat(watched).isEqualTo(1000);
    SimpleMeterRegistry exported = exported(registry);
    assertThat(exported.get("vigil.anomaly.series.dropped").functionCounter().count())
        .isEqualTo(999_000);
    assertThat(exported.get("vigil.anomaly.series.watched").gauge().value()).isEqualTo(1000);
    List<LogEvent> warnings = warnings(VigilAnomalyMeterRegistry.class);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).getMessage()).contains("1000", "vigil.anomaly.maxSeries", "orders");
  }

  @Test
  void removingAMeterFreesItsSlot() {
    VigilAnomalyMeterRegistry registry = registry(Map.of("maxSeries", "1"));
    Counter first = registry.counter("a");
    registry.counter("b").increment();
    assertThat(registry.find("b").counter()).isNull();

    registry.remove(first);
    registry.counter("b").increment();

    assertThat(registry.find("b").counter()).isNotNull();
  }

  @Test
  void unwatchedMetersAreNotCountedAsDropped() {
    VigilAnomalyConfig config = key -> key.equals("vigil.anomaly.maxSeries") ? "1" : null;
    VigilAnomalyMeterRegistry registry =
        VigilAnomalyMeterRegistry.builder(
                key -> key.equals("vigil.anomaly.enabled") ? "false" : config.get(key))
            .clock(clock)
            .watch(VigilMeterFilters.watchNames("http.server.requests"))
            .build();

    registry.counter("http.server.requests").increment();
    registry.counter("cache.gets", "key", "1").increment();
    registry.counter("http.server.requests", "uri", "/other").increment();

    SimpleMeterRegistry exported = exported(registry);
    assertThat(exported.get("vigil.anomaly.series.dropped").functionCounter().count()).isEqualTo(1);
    assertThat(registry.find("cache.gets").counter()).isNull();
  }

  @Test
  void reportsARateJumpWithTheMeterItsSignalAndTheBand() {
    VigilAnomalyMeterRegistry registry = fastRegistry();
    Counter orders = registry.counter("orders.placed", "region", "eu");
    for (int i = 0; i < 30; i++) {
      orders.increment(600 + (i % 3) * 6);
      step(registry);
    }
    assertThat(events).isEmpty();

    orders.increment(6000);
    step(registry);

    assertThat(events).hasSize(1);
    AnomalyEvent event = events.get(0);
    assertThat(event.name()).isEqualTo("orders.placed");
    assertThat(event.tags().stream()).anyMatch(t -> t.getValue().equals("eu"));
    assertThat(event.signal()).isEqualTo(Signal.RATE);
    assertThat(event.value()).isEqualTo(100.0);
    assertThat(event.timestampMillis() % 60_000).isZero();
    assertThat(event.verdict().upper()).isBetween(10.0, 11.0);
  }

  @Test
  void aStepIsNeverFedTwice() {
    VigilAnomalyMeterRegistry registry = fastRegistry();
    Counter orders = registry.counter("orders.placed");
    steadyThenJump(registry, orders);
    registry.publish();
    registry.publish();

    assertThat(events).hasSize(1);
  }

  @Test
  void serverErrorRatioIsWatchedPerService() {
    VigilAnomalyMeterRegistry registry =
        registry(
            Map.of(
                "detector",
                "zscore",
                "detectorSettings",
                "window=20,min-points=5,threshold=4",
                "signals",
                "error.ratio"));
    Timer ok =
        registry.timer("http.server.requests", "service", "cart", "status", "200", "uri", "/a");
    Timer failed =
        registry.timer("http.server.requests", "service", "cart", "status", "503", "uri", "/a");
    Timer otherService =
        registry.timer("http.server.requests", "service", "search", "outcome", "SUCCESS");
    for (int i = 0; i < 30; i++) {
      record(ok, 95 + i % 5);
      record(failed, 5 - i % 5 / 2);
      record(otherService, 100);
      step(registry);
    }
    assertThat(events).isEmpty();

    record(ok, 50);
    record(failed, 50);
    record(otherService, 100);
    step(registry);

    assertThat(events).hasSize(1);
    AnomalyEvent event = events.get(0);
    assertThat(event.signal()).isEqualTo(Signal.ERROR_RATIO);
    assertThat(event.name()).isEqualTo("http.server.requests");
    assertThat(event.meterId().getTag("service")).isEqualTo("cart");
    assertThat(event.value()).isEqualTo(0.5);
  }

  private static void record(Timer timer, int times) {
    for (int i = 0; i < times; i++) {
      timer.record(10, TimeUnit.MILLISECONDS);
    }
  }

  @Test
  void nanAndNegativeValuesAreSkippedAndCounted() {
    VigilAnomalyMeterRegistry registry = fastRegistry();
    Gauge.builder("queue.depth", () -> Double.NaN).register(registry);
    TimeGauge.builder("clock.drift", () -> -5, TimeUnit.MILLISECONDS).register(registry);

    step(registry);
    step(registry);

    SimpleMeterRegistry exported = exported(registry);
    assertThat(
            exported
                .get("vigil.anomaly.samples.skipped")
                .tag("reason", "invalid")
                .functionCounter()
                .count())
        .isEqualTo(2);
    // A negative duration from a time gauge, each step.
    assertThat(
            exported
                .get("vigil.anomaly.samples.skipped")
                .tag("reason", "negative")
                .functionCounter()
                .count())
        .isEqualTo(2);
  }

  @Test
  void idleSeriesGiveTheirDetectorStateBack() {
    VigilAnomalyMeterRegistry registry =
        registry(Map.of("detector", "zscore", "seriesExpiry", "5m"));
    Counter orders = registry.counter("orders.placed");
    orders.increment(10);
    step(registry);
    for (int i = 0; i < 4; i++) {
      step(registry);
    }
    SimpleMeterRegistry exported = exported(registry);
    assertThat(exported.get("vigil.anomaly.series.expired").functionCounter().count()).isZero();

    step(registry);

    assertThat(exported.get("vigil.anomaly.series.expired").functionCounter().count()).isEqualTo(1);
    assertThat(registry.find("orders.placed").counter()).as("the meter itself stays").isNotNull();
  }

  @Test
  void aThrowingListenerIsLoggedCountedAndDoesNotStopTheOthers() {
    VigilAnomalyMeterRegistry registry = fastRegistry();
    List<AnomalyEvent> after = new ArrayList<>();
    registry.addListener(
        e -> {
          throw new IllegalStateException("listener bug");
        });
    registry.addListener(after::add);
    Counter orders = registry.counter("orders.placed");
    steadyThenJump(registry, orders);

    assertThat(after).hasSize(1);
    assertThat(events).hasSize(1);
    assertThat(exported(registry).get("vigil.anomaly.listener.failures").functionCounter().count())
        .isEqualTo(1);
    List<LogEvent> warnings = warnings(AnomalyListener.class);
    assertThat(warnings).hasSize(1);
    assertThat(warnings.get(0).getCause()).hasMessage("listener bug");
  }

  @Test
  void aMeterThatThrowsIsSkippedAndTheOthersAreStillWatched() {
    VigilAnomalyMeterRegistry registry = fastRegistry();
    AtomicReference<Double> broken = new AtomicReference<>(1.0);
    Gauge.builder(
            "broken",
            broken,
            b -> {
              throw new IllegalStateException("gauge bug");
            })
        .register(registry);
    Counter orders = registry.counter("orders.placed");
    steadyThenJump(registry, orders);

    assertThat(events).extracting(AnomalyEvent::name).containsExactly("orders.placed");
  }

  @Test
  void anIdleSeriesCountsAsExpiredOncePerIdleSpell() {
    VigilAnomalyMeterRegistry registry =
        registry(Map.of("detector", "zscore", "seriesExpiry", "5m"));
    Counter orders = registry.counter("orders.placed");
    SimpleMeterRegistry exported = exported(registry);
    orders.increment(10);
    step(registry);
    for (int i = 0; i < 20; i++) {
      step(registry);
    }
    assertThat(exported.get("vigil.anomaly.series.expired").functionCounter().count())
        .as("twenty idle steps, one expiry")
        .isEqualTo(1);

    orders.increment(10);
    step(registry);
    for (int i = 0; i < 20; i++) {
      step(registry);
    }

    assertThat(exported.get("vigil.anomaly.series.expired").functionCounter().count())
        .as("active again, then idle again: a second spell")
        .isEqualTo(2);
  }

  @Test
  void everyLookupOfARefusedSeriesCountsItOnce() {
    VigilAnomalyMeterRegistry registry = registry(Map.of("maxSeries", "1"));
    registry.counter("a").increment();

    for (int i = 0; i < 100; i++) {
      registry.counter("b", "k", "v").increment();
      registry.counter("c").increment();
    }

    assertThat(exported(registry).get("vigil.anomaly.series.dropped").functionCounter().count())
        .isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"ewma", "zscore"})
  void gaugesAtTheEdgesOfDoubleNeverBreakTheStep(String detector) {
    VigilAnomalyMeterRegistry registry =
        registry(
            Map.of(
                "detector",
                detector,
                "detectorSettings",
                detector.equals("zscore") ? FAST.get("detectorSettings") : ""));
    AtomicReference<Double> extreme = new AtomicReference<>(Double.MAX_VALUE);
    Gauge.builder("extreme", extreme, AtomicReference::get).register(registry);
    Gauge.builder("extreme.negative", extreme, e -> -e.get()).register(registry);
    Counter orders = registry.counter("orders.placed");
    for (int i = 0; i < 40; i++) {
      extreme.set(i % 2 == 0 ? Double.MAX_VALUE : Double.MIN_VALUE);
      orders.increment(600 + (i % 3) * 6);
      step(registry);
    }
    events.clear();

    orders.increment(60_000);
    step(registry);

    assertThat(events).extracting(AnomalyEvent::name).contains("orders.placed");
  }

  @Test
  void theSignalListenerGetsEveryWatchedValueAndEveryAnomaly() {
    List<String> signals = new ArrayList<>();
    List<Anomaly> anomalies = new ArrayList<>();
    SignalListener listener =
        new SignalListener() {
          @Override
          public void onSignal(String service, String signal, long timestampMillis, double value) {
            signals.add(service + " " + signal + " " + timestampMillis + " " + value);
          }

          @Override
          public void onAnomaly(Anomaly anomaly) {
            anomalies.add(anomaly);
          }
        };
    Map<String, String> settings = new java.util.HashMap<>(FAST);
    settings.put("serviceName", "shop");
    VigilAnomalyMeterRegistry registry = registry(settings, b -> b.signalListener(listener));
    Counter orders = registry.counter("orders.placed", "region", "eu");
    Counter search = registry.counter("search.queries", "service", "search");
    for (int i = 0; i < 30; i++) {
      orders.increment(600 + (i % 3) * 6);
      search.increment(60);
      step(registry);
    }
    long stepEnd = clock.wallTime() - clock.wallTime() % 60_000;
    assertThat(signals)
        .hasSize(60)
        .contains(
            "shop orders.placed.rate{region=eu} 120000 10.1",
            "search search.queries.rate 120000 1.0",
            "shop orders.placed.rate{region=eu} " + stepEnd + " 10.2");
    assertThat(anomalies).isEmpty();

    orders.increment(6000);
    step(registry);

    assertThat(anomalies).hasSize(1);
    Anomaly anomaly = anomalies.get(0);
    assertThat(anomaly.service()).isEqualTo("shop");
    assertThat(anomaly.signal()).isEqualTo("orders.placed.rate{region=eu}");
    assertThat(anomaly.onsetMillis()).isEqualTo(stepEnd + 60_000);
    assertThat(anomaly.magnitude()).isGreaterThan(4);
  }

  @Test
  void aThrowingSignalListenerIsCountedAndDetectionGoesOn() {
    SignalListener broken =
        (service, signal, timestampMillis, value) -> {
          throw new IllegalStateException("listener bug");
        };
    VigilAnomalyMeterRegistry registry = registry(FAST, b -> b.signalListener(broken));
    Counter orders = registry.counter("orders.placed");
    steadyThenJump(registry, orders);

    assertThat(events).hasSize(1);
    assertThat(exported(registry).get("vigil.anomaly.listener.failures").functionCounter().count())
        .isEqualTo(31);
  }

  @Test
  void aMeterFilterAddedAfterConstructionCausesNoWarningAndAppliesToEveryMeter() {
    // Micrometer warns through a logger named for the registry's class.
    try (MicrometerLog micrometer = MicrometerLog.of(VigilAnomalyMeterRegistry.class)) {
      VigilAnomalyMeterRegistry registry = registry(Map.of());
      registry.config().meterFilter(MeterFilter.commonTags(Tags.of("app", "shop")));
      registry.metrics().bindTo(registry); // as Boot binds binders after it configured filters
      registry.counter("orders.placed").increment();
      step(registry);

      assertThat(micrometer.messages("MeterFilter is being configured")).isEmpty();
      assertThat(registry.getMeters())
          .extracting(m -> m.getId().getName())
          .contains("orders.placed", "vigil.anomaly.series.dropped");
      assertThat(registry.getMeters()).allMatch(m -> "shop".equals(m.getId().getTag("app")));

      // The capture works: a filter after a meter is what Micrometer warns about.
      registry.config().meterFilter(MeterFilter.denyNameStartsWith("never"));
      assertThat(micrometer.messages("MeterFilter is being configured")).hasSize(1);
    }
  }
}
