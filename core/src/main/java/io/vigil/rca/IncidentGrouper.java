package io.vigil.rca;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups a stream of anomalies into incidents: an anomaly joins an open incident when it comes no
 * later than {@code quietMillis} after that incident's last anomaly and touches one of its services
 * or a service connected to one by a call-graph edge (either direction); an anomaly that joins
 * several open incidents merges them. An incident closes once no anomaly has joined it for {@code
 * quietMillis}. Time comes from the anomalies' onsets and from {@link #advance(long)}, never from
 * the wall clock, so replays and tests behave like live runs.
 *
 * <p>Memory is bounded: at most {@code maxOpen} open incidents (the oldest closes early) and {@code
 * maxAnomalies} anomalies kept per incident (the rest are counted). Not thread-safe.
 */
public final class IncidentGrouper {

  private final CallGraph graph;
  private final long quietMillis;
  private final int maxOpen;
  private final int maxAnomalies;
  private final List<Open> open = new ArrayList<>();

  /** A grouper over the given graph. */
  public IncidentGrouper(CallGraph graph, long quietMillis, int maxOpen, int maxAnomalies) {
    if (quietMillis < 0 || maxOpen < 1 || maxAnomalies < 1) {
      throw new IllegalArgumentException(
          "quietMillis must be >= 0, maxOpen and maxAnomalies >= 1 but were "
              + quietMillis
              + ", "
              + maxOpen
              + ", "
              + maxAnomalies);
    }
    this.graph = graph;
    this.quietMillis = quietMillis;
    this.maxOpen = maxOpen;
    this.maxAnomalies = maxAnomalies;
  }

  /** Adds an anomaly and returns the incidents that closed, its onset being the current time. */
  public List<AnomalyGroup> add(Anomaly anomaly) {
    List<AnomalyGroup> closed = advance(anomaly.onsetMillis());
    Open target = null;
    for (Iterator<Open> it = open.iterator(); it.hasNext(); ) {
      Open candidate = it.next();
      if (candidate.touches(anomaly.service())) {
        if (target == null) {
          target = candidate;
        } else {
          target.absorb(candidate);
          it.remove();
        }
      }
    }
    if (target == null) {
      if (open.size() >= maxOpen) {
        closed.add(open.remove(0).close());
      }
      target = new Open();
      open.add(target);
    }
    target.add(anomaly);
    return closed;
  }

  /** Closes and returns the incidents quiet for longer than the quiet time at {@code nowMillis}. */
  public List<AnomalyGroup> advance(long nowMillis) {
    List<AnomalyGroup> closed = new ArrayList<>();
    for (Iterator<Open> it = open.iterator(); it.hasNext(); ) {
      Open o = it.next();
      if (nowMillis - o.last > quietMillis) {
        closed.add(o.close());
        it.remove();
      }
    }
    return closed;
  }

  /** The incidents still open, oldest first. */
  public List<AnomalyGroup> openIncidents() {
    return open.stream().map(Open::close).toList();
  }

  private final class Open {
    final List<Anomaly> anomalies = new ArrayList<>();
    final Set<String> services = new LinkedHashSet<>();
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    long dropped;

    boolean touches(String service) {
      if (services.contains(service)) {
        return true;
      }
      for (String neighbour : graph.callees(service)) {
        if (services.contains(neighbour)) {
          return true;
        }
      }
      for (String neighbour : graph.callers(service)) {
        if (services.contains(neighbour)) {
          return true;
        }
      }
      return false;
    }

    void add(Anomaly a) {
      first = Math.min(first, a.onsetMillis());
      last = Math.max(last, a.onsetMillis());
      if (anomalies.size() < maxAnomalies) {
        anomalies.add(a);
        services.add(a.service());
      } else {
        // Services come only with kept anomalies, so they are bounded by the same cap.
        dropped++;
      }
    }

    void absorb(Open other) {
      other.anomalies.forEach(this::add);
      dropped += other.dropped;
      first = Math.min(first, other.first);
      last = Math.max(last, other.last);
    }

    AnomalyGroup close() {
      return new AnomalyGroup(anomalies, services, first, last, dropped);
    }
  }
}
