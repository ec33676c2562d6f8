package io.vigil.micrometer.internal;

import io.micrometer.common.util.internal.logging.WarnThenDebugLogger;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The registry's first filter: keeps its own meters, applies the user's watch filters in order, and
 * refuses new meters once {@code maxSeries} are held, counting each refused series once (see {@link
 * RefusedSeries}) and warning once.
 *
 * <p>The cap is checked after the watch filters so that only meters that would be watched count as
 * dropped. Micrometer calls {@link #accept} under the registry's meter lock, so the cap is exact.
 */
public final class WatchFilter implements MeterFilter {

  private final List<MeterFilter> watch;
  private final int maxSeries;
  private final AnomalyStats stats;
  private final WarnThenDebugLogger capLogger;
  private final RefusedSeries refused = new RefusedSeries();

  /** Creates the filter; {@code capLogger} receives the one warning when the cap is first hit. */
  public WatchFilter(
      List<MeterFilter> watch, int maxSeries, AnomalyStats stats, WarnThenDebugLogger capLogger) {
    this.watch = List.copyOf(watch);
    this.maxSeries = maxSeries;
    this.stats = stats;
    this.capLogger = capLogger;
  }

  @Override
  public Meter.Id map(Meter.Id id) {
    Meter.Id mapped = id;
    for (MeterFilter filter : watch) {
      mapped = filter.map(mapped);
    }
    return mapped;
  }

  @Override
  public MeterFilterReply accept(Meter.Id id) {
    if (OwnMeters.isOwn(id)) {
      return MeterFilterReply.ACCEPT;
    }
    for (MeterFilter filter : watch) {
      MeterFilterReply reply = filter.accept(id);
      if (reply == MeterFilterReply.DENY) {
        return MeterFilterReply.DENY;
      }
      if (reply == MeterFilterReply.ACCEPT) {
        break;
      }
    }
    if (stats.watched.get() >= maxSeries) {
      if (!refused.firstRefusal(id)) {
        return MeterFilterReply.DENY;
      }
      long dropped = stats.dropped.incrementAndGet();
      capLogger.log(
          () ->
              "Vigil is watching its maximum of "
                  + maxSeries
                  + " series (vigil.anomaly.maxSeries); meter "
                  + id.getName()
                  + " "
                  + id.getTags()
                  + " and later new series are not watched ("
                  + dropped
                  + " so far, see vigil.anomaly.series.dropped). A tag with unbounded values"
                  + " is the usual cause.");
      return MeterFilterReply.DENY;
    }
    return MeterFilterReply.NEUTRAL;
  }

  @Override
  public @Nullable DistributionStatisticConfig configure(
      Meter.Id id, DistributionStatisticConfig config) {
    DistributionStatisticConfig configured = config;
    for (MeterFilter filter : watch) {
      DistributionStatisticConfig next = filter.configure(id, configured);
      if (next != null) {
        configured = next;
      }
    }
    return configured;
  }
}
