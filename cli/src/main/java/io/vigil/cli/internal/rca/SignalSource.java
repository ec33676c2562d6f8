package io.vigil.cli.internal.rca;

/** Which of a dataset's signals a ranker sees: metrics, signals learned from traces, or both. */
enum SignalSource {
  METRICS,
  TRACES,
  BOTH;

  boolean metrics() {
    return this != TRACES;
  }

  boolean traces() {
    return this != METRICS;
  }
}
