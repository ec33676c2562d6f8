package io.vigil.live.internal;

import io.vigil.live.IncidentReport;
import io.vigil.live.IncidentReportListener;
import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The latest reports (at most {@code capacity}) and the listeners they go to. A listener that
 * throws is counted and warned about once; the others still get the report.
 */
public final class ReportBook {

  private static final System.Logger LOG = System.getLogger("io.vigil.live");

  private final ArrayDeque<IncidentReport> reports = new ArrayDeque<>();
  private final List<IncidentReportListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean warned = new AtomicBoolean();
  private final int capacity;
  private final LiveCounters counters;
  private long sequence;
  private long published;

  /** An empty book. */
  public ReportBook(int capacity, LiveCounters counters) {
    this.capacity = capacity;
    this.counters = counters;
  }

  /** Adds a listener for the reports published from now on. */
  public void addListener(IncidentReportListener listener) {
    listeners.add(listener);
  }

  /** The next report's sequence number, reserved. */
  public synchronized long nextSequence() {
    return ++sequence;
  }

  /** Keeps the report and hands it to every listener. */
  public void publish(IncidentReport report) {
    synchronized (this) {
      if (reports.size() >= capacity) {
        reports.removeFirst();
      }
      reports.addLast(report);
      published++;
    }
    for (IncidentReportListener listener : listeners) {
      try {
        listener.onReport(report);
      } catch (RuntimeException e) {
        counters.listenerFailures.increment();
        if (warned.compareAndSet(false, true)) {
          LOG.log(
              Level.WARNING,
              "vigil: report listener "
                  + listener
                  + " failed on report "
                  + report.sequence()
                  + "; later failures are only counted",
              e);
        }
      }
    }
  }

  /** The reports kept, oldest first. */
  public synchronized List<IncidentReport> reports() {
    return List.copyOf(reports);
  }

  /** Reports published so far. */
  public synchronized long published() {
    return published;
  }
}
