package io.vigil.cli.internal.traces;

import io.vigil.live.SignalListener;
import io.vigil.rca.MetricSeries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/**
 * Keeps the service-level step values a replay's exporter emits ({@code server.*}: calls, errors,
 * latency percentiles, work per request), as one series per service and signal, and each outgoing
 * call's share of requests as its {@link OutgoingShortfall} (the raw per-step shares are not kept).
 * Per-operation and per-edge series are left out: their number grows with a service's API and
 * callers, and a ranker taking each service's strongest signal would favour the services that have
 * the most (measured: with the callers' {@code edge.latency.*} added, AC@1 with both sources fell
 * from 0.86 to 0.82).
 */
final class SignalRecorder implements SignalListener {

  private static final String SERVICE_LEVEL = "server.";

  private static final String CALLS = "server.calls";

  private final long stepMillis;
  private final Map<String, Map<String, Points>> byService = new TreeMap<>();
  private final Map<String, OutgoingShortfall> shortfalls = new HashMap<>();

  /** A recorder for signals emitted every {@code stepMillis}. */
  SignalRecorder(long stepMillis) {
    this.stepMillis = stepMillis;
  }

  @Override
  public void onSignal(String service, String signal, long timestampMillis, double value) {
    if (!signal.startsWith(SERVICE_LEVEL)) {
      return;
    }
    if (signal.startsWith(OutgoingShortfall.PREFIX + "{")) {
      shortfall(service).share(signal, value);
      return;
    }
    if (signal.equals(CALLS)) {
      shortfall(service).calls(timestampMillis, value, (s, t, v) -> put(service, s, t, v));
    }
    put(service, signal, timestampMillis, value);
  }

  private OutgoingShortfall shortfall(String service) {
    return shortfalls.computeIfAbsent(service, s -> new OutgoingShortfall(stepMillis));
  }

  private void put(String service, String signal, long timestampMillis, double value) {
    byService
        .computeIfAbsent(service, s -> new TreeMap<>())
        .computeIfAbsent(signal, s -> new Points())
        .add(timestampMillis, value);
  }

  /** The series of every service, keeping only the points {@code keep} accepts. */
  Map<String, List<MetricSeries>> series(LongPredicate keep) {
    Map<String, List<MetricSeries>> result = new TreeMap<>();
    byService.forEach(
        (service, signals) ->
            signals.forEach(
                (signal, points) -> {
                  MetricSeries series = points.series(service, signal, keep);
                  if (series.size() > 0) {
                    result.computeIfAbsent(service, s -> new ArrayList<>()).add(series);
                  }
                }));
    return result;
  }

  private static final class Points {
    private long[] times = new long[64];
    private double[] values = new double[64];
    private int size;

    void add(long time, double value) {
      if (size == times.length) {
        times = Arrays.copyOf(times, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      times[size] = time;
      values[size++] = value;
    }

    MetricSeries series(String service, String signal, LongPredicate keep) {
      long[] t = new long[size];
      double[] v = new double[size];
      int n = 0;
      for (int i = 0; i < size; i++) {
        if (keep.test(times[i]) && (n == 0 || times[i] > t[n - 1])) {
          t[n] = times[i];
          v[n++] = values[i];
        }
      }
      return new MetricSeries(service, signal, Arrays.copyOf(t, n), Arrays.copyOf(v, n));
    }
  }
}
