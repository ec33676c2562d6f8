package io.vigil.live;

import io.vigil.live.internal.EventLog;
import io.vigil.live.internal.LiveCounters;
import io.vigil.live.internal.ReportAssembler;
import io.vigil.live.internal.ReportBook;
import io.vigil.live.internal.SignalHistory;
import io.vigil.live.internal.SignalTable;
import io.vigil.rca.Anomaly;
import io.vigil.rca.AnomalyGroup;
import io.vigil.rca.GraphRootCauseRanker;
import io.vigil.rca.IncidentGrouper;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live incident analysis. Sources feed it per-step signals (and the anomalies they found) through
 * {@link SignalListener}; it keeps a bounded recent history of each signal, runs a detector on
 * each, groups anomalies into incidents over the shared {@link io.vigil.rca.CallGraph} with {@link
 * IncidentGrouper}, and once an incident has settled (no new anomaly for the settle time) ranks its
 * likely root causes with {@link GraphRootCauseRanker} and publishes an {@link IncidentReport}.
 *
 * <p>A signal whose source also reports its anomalies ({@link #onAnomaly} with the signal's service
 * and name, as the Micrometer registry does) is judged by the source's detector alone from that
 * anomaly on; the analyzer's own detector runs on the other signals.
 *
 * <p>Time comes from the signals' timestamps, never the wall clock: an incident settles when a
 * signal at least the settle time past its last anomaly arrives, or when {@link #advance(long)} is
 * called (for when signals stop). Replays and tests therefore behave like live runs.
 *
 * <p>Thread-safe. {@link #onSignal} and {@link #onAnomaly} never throw and hold locks only briefly;
 * the ranking of a settled incident, and the listeners, run on the thread that settled it, outside
 * every lock. Memory is bounded: {@code maxSignals} histories of {@code history} points each,
 * {@code maxAnomalies} anomalies per incident and in {@link #recentAnomalies()}, {@code maxReports}
 * reports, a fixed number of marked events (see docs/live.md for bytes per signal).
 */
public final class LiveIncidentAnalyzer implements SignalListener, AutoCloseable {

  private static final System.Logger LOG = System.getLogger("io.vigil.live");

  private final Clock clock;
  private final LiveCounters counters = new LiveCounters();
  private final SignalTable table;
  private final EventLog events;
  private final ReportBook book;
  private final ReportAssembler assembler;
  private final IncidentGrouper grouper;
  private final ArrayDeque<Anomaly> recent = new ArrayDeque<>();
  private final int maxAnomalies;
  private final AtomicLong now = new AtomicLong(Long.MIN_VALUE);
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean analysisWarned = new AtomicBoolean();
  private long droppedClosed; // guarded by grouper

  LiveIncidentAnalyzer(LiveIncidentAnalyzerBuilder b) {
    this.clock = b.clock;
    this.maxAnomalies = b.maxAnomalies;
    this.table = new SignalTable(b.maxSignals, b.history, b.persistence, b.detector, counters);
    this.events = new EventLog(b.maxEvents, counters);
    this.book = new ReportBook(b.maxReports, counters);
    b.listeners.forEach(book::addListener);
    this.assembler =
        new ReportAssembler(
            b.graph,
            table,
            events,
            new GraphRootCauseRanker(b.ranker),
            b.stepMillis,
            b.eventWindowMillis > 0 ? b.eventWindowMillis : 10 * b.stepMillis);
    this.grouper = new IncidentGrouper(b.graph, b.settleMillis, b.maxOpenIncidents, b.maxAnomalies);
  }

  /** A builder with every setting at its default (docs/live.md lists them). */
  public static LiveIncidentAnalyzerBuilder builder() {
    return new LiveIncidentAnalyzerBuilder();
  }

  @Override
  public void onSignal(String service, String signal, long timestampMillis, double value) {
    if (closed.get()) {
      counters.afterClose.increment();
      return;
    }
    try {
      SignalHistory history = table.history(service, signal);
      Anomaly anomaly = history == null ? null : history.record(timestampMillis, value, counters);
      if (anomaly != null) {
        group(anomaly);
      }
      if (now.get() < timestampMillis) {
        advance(timestampMillis);
      }
    } catch (RuntimeException e) {
      failed("signal " + service + "/" + signal, e);
    }
  }

  @Override
  public void onAnomaly(Anomaly anomaly) {
    if (closed.get()) {
      counters.afterClose.increment();
      return;
    }
    try {
      counters.receivedAnomalies.increment();
      SignalHistory history = table.history(anomaly.service(), anomaly.signal());
      if (history != null) {
        history.sourceDetects();
      }
      group(anomaly);
    } catch (RuntimeException e) {
      failed("anomaly " + anomaly, e);
    }
  }

  /** Marks an event (a deploy, a config change, a start) for the reports of incidents near it. */
  public void markEvent(MarkedEvent event) {
    Objects.requireNonNull(event, "event");
    if (closed.get()) {
      counters.afterClose.increment();
      return;
    }
    events.add(event);
  }

  /** Marks an event that happens now, by the builder's clock. */
  public void markEvent(String service, String kind, String description) {
    markEvent(new MarkedEvent(service, kind, description, clock.millis()));
  }

  /** Adds a listener for the reports published from now on. */
  public void addListener(IncidentReportListener listener) {
    book.addListener(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Moves the analyzer's time to {@code nowMillis} (never back) and publishes the incidents that
   * have settled by then: for when signals stop arriving. Never throws.
   */
  public void advance(long nowMillis) {
    now.accumulateAndGet(nowMillis, Math::max);
    List<AnomalyGroup> settled;
    synchronized (grouper) {
      settled = grouper.advance(now.get());
    }
    publish(settled);
  }

  /** {@link #advance(long)} to the builder's clock's time. */
  public void advance() {
    advance(clock.millis());
  }

  /** The latest reports, oldest first, at most {@code maxReports}. */
  public List<IncidentReport> reports() {
    return book.reports();
  }

  /** The latest anomalies detected or received, oldest first, at most {@code maxAnomalies}. */
  public List<Anomaly> recentAnomalies() {
    synchronized (recent) {
      return List.copyOf(recent);
    }
  }

  /** What the analyzer has seen, refused and published so far. */
  public AnalyzerCounts counts() {
    long dropped;
    int open;
    synchronized (grouper) {
      List<AnomalyGroup> groups = grouper.openIncidents();
      open = groups.size();
      dropped = droppedClosed + groups.stream().mapToLong(AnomalyGroup::dropped).sum();
    }
    LiveCounters c = counters;
    return new AnalyzerCounts(
        table.size(),
        c.points.sum(),
        c.emptyPoints.sum(),
        c.outOfOrderPoints.sum(),
        c.droppedSignals.sum(),
        c.detectedAnomalies.sum(),
        c.receivedAnomalies.sum(),
        dropped,
        open,
        book.published(),
        c.listenerFailures.sum(),
        c.analysisFailures.sum(),
        c.droppedEvents.sum(),
        c.afterClose.sum());
  }

  /**
   * Stops the analyzer: later signals, anomalies and events are counted and ignored, and incidents
   * still open are dropped unreported. Idempotent.
   */
  @Override
  public void close() {
    closed.set(true);
  }

  private void group(Anomaly anomaly) {
    synchronized (recent) {
      if (recent.size() >= maxAnomalies) {
        recent.removeFirst();
      }
      recent.addLast(anomaly);
    }
    List<AnomalyGroup> settled;
    synchronized (grouper) {
      settled = grouper.add(anomaly);
    }
    publish(settled);
  }

  private void publish(List<AnomalyGroup> settled) {
    for (AnomalyGroup group : settled) {
      synchronized (grouper) {
        droppedClosed += group.dropped();
      }
      if (closed.get()) {
        continue;
      }
      try {
        book.publish(
            assembler.assemble(group, Math.max(now.get(), group.lastMillis()), book::nextSequence));
      } catch (RuntimeException e) {
        failed("incident from " + group.firstMillis() + " over " + group.services(), e);
      }
    }
  }

  private void failed(String what, RuntimeException e) {
    counters.analysisFailures.increment();
    if (analysisWarned.compareAndSet(false, true)) {
      LOG.log(
          Level.WARNING,
          "vigil: live analysis failed on " + what + "; later failures are only counted",
          e);
    }
  }
}
