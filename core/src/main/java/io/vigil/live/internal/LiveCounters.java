package io.vigil.live.internal;

import java.util.concurrent.atomic.LongAdder;

/** The analyzer's counters, updated from any thread without locking. */
public final class LiveCounters {

  public final LongAdder points = new LongAdder();
  public final LongAdder emptyPoints = new LongAdder();
  public final LongAdder outOfOrderPoints = new LongAdder();
  public final LongAdder droppedSignals = new LongAdder();
  public final LongAdder detectedAnomalies = new LongAdder();
  public final LongAdder receivedAnomalies = new LongAdder();
  public final LongAdder listenerFailures = new LongAdder();
  public final LongAdder analysisFailures = new LongAdder();
  public final LongAdder droppedEvents = new LongAdder();
  public final LongAdder afterClose = new LongAdder();
}
