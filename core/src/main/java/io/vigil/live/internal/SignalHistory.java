package io.vigil.live.internal;

import io.vigil.detect.AnomalyDetector;
import io.vigil.detect.Verdict;
import io.vigil.rca.Anomaly;
import io.vigil.rca.MetricSeries;
import org.jspecify.annotations.Nullable;

/**
 * The recent history of one signal, in a ring buffer of primitives (each point's timestamp and the
 * raw bits of its value side by side, so that recording a point touches one cache line), and the
 * detector that watches it. A signal raises an anomaly once its detector has called {@code
 * persistence} decided points in a row anomalous; the anomaly's onset is the first of them.
 *
 * <p>Thread-safe: recording and snapshotting synchronize on the instance, and both take time
 * bounded by the capacity.
 */
public final class SignalHistory {

  private final String service;
  private final String signal;
  private final long[] points;
  private final int capacity;
  private final AnomalyDetector detector;
  private final int persistence;
  private int next;
  private int size;
  private long last = Long.MIN_VALUE;
  private int run;
  private long runStart;
  private volatile boolean sourceDetects;

  /** An empty history holding at most {@code capacity} points. */
  public SignalHistory(
      String service, String signal, int capacity, AnomalyDetector detector, int persistence) {
    this.service = service;
    this.signal = signal;
    this.capacity = capacity;
    this.points = new long[2 * capacity];
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
    points[2 * next] = timestampMillis;
    points[2 * next + 1] = Double.doubleToRawLongBits(value);
    next = next + 1 == capacity ? 0 : next + 1;
    size = Math.min(size + 1, capacity);
    c.points.increment();
    if (!Double.isFinite(value)) {
      c.emptyPoints.increment();
      return null;
    }
    if (sourceDetects) {
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
    int first = size < capacity ? 0 : next;
    for (int i = 0; i < size; i++) {
      int j = (first + i) % capacity;
      ts[i] = points[2 * j];
      vs[i] = Double.longBitsToDouble(points[2 * j + 1]);
    }
    return new MetricSeries(service, signal, ts, vs);
  }

  /**
   * From now on the signal's source finds its anomalies itself (it sent one through {@code
   * onAnomaly}): the history still records, the analyzer's detector no longer runs, so that one
   * signal is not judged twice and its anomalies are not reported twice.
   */
  public void sourceDetects() {
    sourceDetects = true;
  }

  /** The signal's name. */
  public String signal() {
    return signal;
  }
}
