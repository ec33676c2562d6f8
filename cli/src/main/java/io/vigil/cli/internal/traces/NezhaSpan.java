package io.vigil.cli.internal.traces;

/**
 * One row of a Nezha trace file: a span with its service (its pod's) and its times.
 *
 * @param traceId 32 hexadecimal digits
 * @param spanId 16 hexadecimal digits
 * @param parentId the parent's span id, or {@code root} for a trace's first span
 * @param service the service of the pod that recorded the span
 * @param operation the operation name
 * @param startNanos start, epoch nanoseconds
 * @param endNanos end, epoch nanoseconds
 */
record NezhaSpan(
    String traceId,
    String spanId,
    String parentId,
    String service,
    String operation,
    long startNanos,
    long endNanos) {

  static final String ROOT = "root";

  boolean isRoot() {
    return ROOT.equals(parentId);
  }
}
