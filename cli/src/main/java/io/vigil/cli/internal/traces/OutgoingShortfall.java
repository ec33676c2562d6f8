package io.vigil.cli.internal.traces;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns one service's per-step {@code server.outgoing{name=X}} (outgoing spans named X per server
 * span) into {@code server.outgoing.shortfall{name=X}}: minus the calls named X per request over
 * the last {@link #STEPS} steps, so that a call requests stopped making (a handler that returns
 * early or throws before it) is an upward move for the ranker, which scores upward moves. Pooling
 * steps steadies the share of a service that serves a few requests per step, whose calls end in one
 * step and whose server span in the next.
 */
final class OutgoingShortfall {

  /** Steps pooled into one share (chosen on 2022-08-22 from 1, 3, 6 and 12). */
  static final int STEPS = 6;

  static final String PREFIX = "server.outgoing";
  static final String SHORTFALL = "server.outgoing.shortfall";

  /** Emits one pooled value of a signal. */
  interface Sink {
    void accept(String signal, long timestampMillis, double value);
  }

  private final long stepMillis;
  private final ArrayDeque<Step> steps = new ArrayDeque<>();
  private final Set<String> names = new LinkedHashSet<>();
  private Map<String, Double> pending = new HashMap<>();

  OutgoingShortfall(long stepMillis) {
    this.stepMillis = stepMillis;
  }

  /** Keeps a step's share of one name until the step's call count arrives. */
  void share(String signal, double perRequest) {
    pending.put(signal, perRequest);
    names.add(signal);
  }

  /** Closes a step with its server call count and emits every known name's pooled shortfall. */
  void calls(long timestampMillis, double calls, Sink sink) {
    Map<String, Double> spans = new HashMap<>();
    pending.forEach((name, share) -> spans.put(name, share * calls));
    pending = new HashMap<>();
    steps.addLast(new Step(timestampMillis, calls, spans));
    // Pool only the steps of the last STEPS step lengths: none from before a gap in the recording.
    while (steps.size() > STEPS
        || steps.peekFirst().endMillis <= timestampMillis - STEPS * stepMillis) {
      steps.removeFirst();
    }
    double pooledCalls = 0;
    for (Step step : steps) {
      pooledCalls += step.calls;
    }
    if (pooledCalls <= 0) {
      return;
    }
    for (String name : names) {
      double pooledSpans = 0;
      for (Step step : steps) {
        pooledSpans += step.spans.getOrDefault(name, 0.0);
      }
      sink.accept(
          SHORTFALL + name.substring(PREFIX.length()), timestampMillis, -pooledSpans / pooledCalls);
    }
  }

  private record Step(long endMillis, double calls, Map<String, Double> spans) {}
}
