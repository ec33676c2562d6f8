package io.vigil.spring.internal;

import io.micrometer.core.instrument.Tag;
import io.vigil.detect.Verdict;
import io.vigil.micrometer.AnomalyEvent;
import io.vigil.spring.RecentAnomalies;
import io.vigil.spring.VigilEndpointSection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The endpoint's {@code anomalies} section: the registry's recent anomalies, newest first. */
public final class AnomaliesSection implements VigilEndpointSection {

  private final RecentAnomalies recent;

  /** Reads these recent anomalies. */
  public AnomaliesSection(RecentAnomalies recent) {
    this.recent = recent;
  }

  @Override
  public String name() {
    return "anomalies";
  }

  @Override
  public Object read() {
    List<AnomalyEvent> events = recent.events();
    List<Map<String, Object>> newestFirst = new ArrayList<>(events.size());
    for (int i = events.size() - 1; i >= 0; i--) {
      newestFirst.add(describe(events.get(i)));
    }
    return newestFirst;
  }

  private static Map<String, Object> describe(AnomalyEvent event) {
    Map<String, Object> out = new LinkedHashMap<>();
    Verdict verdict = event.verdict();
    out.put("time", Instant.ofEpochMilli(event.timestampMillis()).toString());
    out.put("meter", event.name());
    Map<String, String> tags = new LinkedHashMap<>();
    for (Tag tag : event.tags()) {
      tags.put(tag.getKey(), tag.getValue());
    }
    out.put("tags", tags);
    out.put("signal", event.signal().tagValue());
    out.put("value", Json.number(event.value()));
    out.put("expected", Json.number(verdict.expected()));
    out.put("lower", Json.number(verdict.lower()));
    out.put("upper", Json.number(verdict.upper()));
    out.put("score", Json.number(verdict.score()));
    return out;
  }
}
