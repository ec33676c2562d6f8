package io.vigil.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The watch filters' choices and the distribution statistics they ask for. */
class VigilMeterFiltersTest {

  private static Meter.Id id(String name, String... tags) {
    return new Meter.Id(name, Tags.of(tags), null, null, Meter.Type.TIMER);
  }

  @Test
  void defaultsWatchHttpServerRequestsJvmGcAndMemoryAndConnectionPools() {
    MeterFilter filter = VigilMeterFilters.defaults();

    assertThat(filter.accept(id("http.server.requests"))).isEqualTo(MeterFilterReply.ACCEPT);
    assertThat(filter.accept(id("jvm.gc.pause"))).isEqualTo(MeterFilterReply.ACCEPT);
    assertThat(filter.accept(id("jvm.memory.used"))).isEqualTo(MeterFilterReply.ACCEPT);
    assertThat(filter.accept(id("hikaricp.connections.pending")))
        .isEqualTo(MeterFilterReply.ACCEPT);
    assertThat(filter.accept(id("http.client.requests"))).isEqualTo(MeterFilterReply.DENY);
    assertThat(filter.accept(id("http.server.requests.active"))).isEqualTo(MeterFilterReply.DENY);
    assertThat(filter.accept(id("cache.gets"))).isEqualTo(MeterFilterReply.DENY);
  }

  @Test
  void globsMatchWholeNamesWithStarsAnywhere() {
    MeterFilter filter = VigilMeterFilters.watchNames("jvm.*", "*.connections.active");

    assertThat(filter.accept(id("jvm.threads.live"))).isEqualTo(MeterFilterReply.ACCEPT);
    assertThat(filter.accept(id("r2dbc.connections.active"))).isEqualTo(MeterFilterReply.ACCEPT);
    assertThat(filter.accept(id("r2dbc.connections.idle"))).isEqualTo(MeterFilterReply.DENY);
    assertThat(filter.accept(id("xjvm.threads"))).isEqualTo(MeterFilterReply.DENY);
    assertThat(filter.accept(id("jvm(threads")))
        .as("dots are literal")
        .isEqualTo(MeterFilterReply.DENY);
  }

  @Test
  void tagsSelectToo() {
    MeterFilter filter =
        VigilMeterFilters.watch(
            VigilMeterFilters.names("http.*").and(VigilMeterFilters.tagged("uri", "/api/*")));

    assertThat(filter.accept(id("http.server.requests", "uri", "/api/cart")))
        .isEqualTo(MeterFilterReply.ACCEPT);
    assertThat(filter.accept(id("http.server.requests", "uri", "/health")))
        .isEqualTo(MeterFilterReply.DENY);
    assertThat(filter.accept(id("http.server.requests"))).isEqualTo(MeterFilterReply.DENY);
    assertThat(VigilMeterFilters.watchTagged("service", "cart").accept(id("x", "service", "cart")))
        .isEqualTo(MeterFilterReply.ACCEPT);
  }

  @Test
  void aBlankPatternOrABadPercentileIsRefusedWithTheValue() {
    assertThatThrownBy(() -> VigilMeterFilters.watchNames(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("' '");
    assertThatThrownBy(() -> VigilMeterFilters.percentiles(id -> true, 0.5, 99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("99");
  }

  @Test
  void percentilesMakeTheRegistryWatchThePercentileSignal() {
    MockClock clock = new MockClock();
    VigilAnomalyMeterRegistry registry =
        VigilAnomalyMeterRegistry.builder(
                key -> key.equals("vigil.anomaly.enabled") ? "false" : null)
            .clock(clock)
            .watch(
                VigilMeterFilters.percentiles(VigilMeterFilters.names("http.*"), 0.99),
                VigilMeterFilters.watchNames("http.*"))
            .build();

    Timer timer = registry.timer("http.server.requests");
    Timer plain = Timer.builder("other").register(registry);
    timer.record(10, TimeUnit.MILLISECONDS);

    assertThat(timer.takeSnapshot().percentileValues()).hasSize(1);
    assertThat(plain).isNotNull();
    assertThat(registry.find("other").timer()).as("not watched").isNull();
  }
}
