package io.vigil.cli.internal.traces;

import io.opentelemetry.api.trace.SpanKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The span kinds a Nezha trace leaves out, inferred from where spans run: a span whose parent runs
 * in another service (or that starts its trace) is that service's SERVER side; a span with a child
 * in another service is the CLIENT side of that call; the rest are INTERNAL. A parent recorded in
 * the previous minute's file is still found; one in a missing minute is not, and its span counts as
 * INTERNAL.
 */
final class SpanKinds {

  private Map<String, NezhaSpan> previous = Map.of();
  private Map<String, NezhaSpan> current = Map.of();
  private Map<String, String> calleeOf = Map.of();

  /** Indexes one minute's spans; the minute before stays known for parents across the edge. */
  void next(List<NezhaSpan> spans, boolean followsPrevious) {
    previous = followsPrevious ? current : Map.of();
    current = new HashMap<>(spans.size() * 2);
    for (NezhaSpan span : spans) {
      current.put(span.spanId(), span);
    }
    calleeOf = new HashMap<>();
    for (NezhaSpan span : spans) {
      NezhaSpan parent = parent(span);
      if (parent != null && !parent.service().equals(span.service())) {
        calleeOf.putIfAbsent(parent.spanId(), span.service());
      }
    }
  }

  SpanKind kind(NezhaSpan span) {
    if (span.isRoot()) {
      return SpanKind.SERVER;
    }
    NezhaSpan parent = parent(span);
    if (parent != null && !parent.service().equals(span.service())) {
      return SpanKind.SERVER;
    }
    return calleeOf.containsKey(span.spanId()) ? SpanKind.CLIENT : SpanKind.INTERNAL;
  }

  /** The service a CLIENT span called, as its child's pod tells. */
  String callee(NezhaSpan span) {
    return calleeOf.get(span.spanId());
  }

  private NezhaSpan parent(NezhaSpan span) {
    NezhaSpan parent = current.get(span.parentId());
    return parent != null ? parent : previous.get(span.parentId());
  }
}
