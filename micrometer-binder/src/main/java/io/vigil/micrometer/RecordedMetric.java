package io.vigil.micrometer;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Statistic;
import java.util.Map;

/**
 * One meter as a {@link MetricsCollector} snapshot shows it: what the seed's {@code MetricSample}
 * list said, aggregated as Micrometer keeps it.
 *
 * @param name the meter's name
 * @param type counter, gauge, distribution summary, ...
 * @param labels the meter's tags as a map
 * @param values each statistic the meter measures (count, total, max, value, ...)
 */
public record RecordedMetric(
    String name, Meter.Type type, Map<String, String> labels, Map<Statistic, Double> values) {

  /** Copies the maps so the snapshot cannot change. */
  public RecordedMetric {
    labels = Map.copyOf(labels);
    values = Map.copyOf(values);
  }
}
