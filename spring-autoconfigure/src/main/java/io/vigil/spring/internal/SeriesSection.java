package io.vigil.spring.internal;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.search.Search;
import io.vigil.spring.VigilEndpointSection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The endpoint's {@code series} section: the meters the anomaly registry watches (the first {@value
 * #MAX_LISTED}) and its own counts (watched, dropped, expired, skipped, detected).
 */
public final class SeriesSection implements VigilEndpointSection {

  /** How many watched series the section lists at most; the count covers them all. */
  static final int MAX_LISTED = 1000;

  private static final String OWN_PREFIX = "vigil.anomaly.";

  private final MeterRegistry registry;

  /** Reads the meters of this registry (Vigil's anomaly registry). */
  public SeriesSection(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public String name() {
    return "series";
  }

  @Override
  public Object read() {
    Map<String, Object> out = new LinkedHashMap<>();
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("watched", gauge("series.watched"));
    counts.put("dropped", counter(registry.find(OWN_PREFIX + "series.dropped")));
    counts.put("expired", counter(registry.find(OWN_PREFIX + "series.expired")));
    counts.put(
        "skippedInvalid",
        counter(registry.find(OWN_PREFIX + "samples.skipped").tag("reason", "invalid")));
    counts.put(
        "skippedNegative",
        counter(registry.find(OWN_PREFIX + "samples.skipped").tag("reason", "negative")));
    counts.put("detected", counter(registry.find(OWN_PREFIX + "detected")));
    counts.put("listenerFailures", counter(registry.find(OWN_PREFIX + "listener.failures")));
    out.put("counts", counts);
    List<Map<String, Object>> series = new ArrayList<>();
    for (Meter meter : registry.getMeters()) {
      Meter.Id id = meter.getId();
      if (id.getName().startsWith(OWN_PREFIX)) {
        continue;
      }
      if (series.size() == MAX_LISTED) {
        out.put("truncated", true);
        break;
      }
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", id.getName());
      entry.put("type", id.getType().name().toLowerCase(java.util.Locale.ROOT));
      Map<String, String> tags = new LinkedHashMap<>();
      for (Tag tag : id.getTagsAsIterable()) {
        tags.put(tag.getKey(), tag.getValue());
      }
      entry.put("tags", tags);
      series.add(entry);
    }
    out.put("series", series);
    return out;
  }

  private long gauge(String name) {
    var gauge = registry.find(OWN_PREFIX + name).gauge();
    return gauge == null ? 0 : Math.round(gauge.value());
  }

  private static long counter(Search search) {
    var counter = search.functionCounter();
    return counter == null ? 0 : Math.round(counter.count());
  }
}
