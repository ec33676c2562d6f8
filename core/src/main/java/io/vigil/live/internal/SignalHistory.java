package io.vigil.live.internal;

import io.vigil.detect.AnomalyDetector;
import io.vigil.detect.Verdict;
import io.vigil.rca.Anomaly;
import io.vigil.rca.MetricSeries;
import org.jspecify.annotations.Nullable;

/**
 * The recent history of one signal, in two ring buffers of primitives (timestamps and values), and
 * the detector that watches it. A signal raises an anomaly once its detector has called {@code
 * persistence} decided points in a row anomalous; the anomaly's onset is the first of them.
 *
 * <p>Thread-safe: recording and snapshotting synchronize on the instance, and both take time
 * bounded by the capacity.
 */
public final class SignalHistory {

  private final String service;
  private final String signal;
  private final long[] timestamps;
  private final double[] values;
  private final AnomalyDetector detector;
  private final int persistence;
  private int next;
  private int size;
  private long last = Long.MIN_VALUE;
  private int run;
  private long runStart;

  /** An empty history holding at most {@code capacity} points. */
  public SignalHistory(
      String service, String signal, int capacity, AnomalyDetector detector, int persistence) {
    this.service = service;
    this.signal = signal;
    this.timestamps = new long[capacity];
    this.values = new double[capacity];
    this.detector = detector;
    this.persistence = persistence;
  }

  /**
   * Records one point and runs the detector on it; returns the anomaly it raised, if any. NaN and
   * infinities are kept as gaps, points at or before the last one skipped; both are counted.
   */
  public synchronized @Nullable Anomaly record(long timestampMillis, double value, LiveCounters c) {
    if (timestampMillis <= last) {
      c.outOfOrderPoints.increment();
      return null;
    }
    last = timestampMillis;
    timestamps[next] = timestampMillis;
    values[next] = value;
    next = next + 1 == timestamps.length ? 0 : next + 1;
    size = Math.min(size + 1, timestamps.length);
    c.points.increment();
    if (!Double.isFinite(value)) {
      c.emptyPoints.increment();
      return null;
    }
    Verdict verdict = detector.update(timestampMillis, value);
    if (!verdict.decided()) {
      return null;
    }
    if (!verdict.anomaly()) {
      run = 0;
      return null;
    }
    if (run++ == 0) {
      runStart = timestampMillis;
    }
    if (run != persistence) {
      return null;
    }
    c.detectedAnomalies.increment();
    return new Anomaly(service, signal, runStart, verdict.score());
  }

  /** The points held, oldest first. */
  public synchronized MetricSeries snapshot() {
    long[] ts = new long[size];
    double[] vs = new double[size];
    int first = size < timestamps.length ? 0 : next;
    for (int i = 0; i < size; i++) {
      int j = (first + i) % timestamps.length;
      ts[i] = timestamps[j];
      vs[i] = values[j];
    }
    return new MetricSeries(service, signal, ts, vs);
  }

  /** The signal's name. */
  public String signal() {
    return signal;
  }
}
