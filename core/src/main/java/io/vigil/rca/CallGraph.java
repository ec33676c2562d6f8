package io.vigil.rca;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The service call graph: directed edges caller -> callee, each carrying its {@link EdgeStats}.
 * Cycles and self-calls are allowed. Memory is bounded by a cap on services and on edges; edges
 * beyond the cap are counted as dropped, never stored.
 *
 * <p>Thread-safe: every method synchronizes on the graph, except recording on an edge's stats.
 */
public final class CallGraph {

  /** Default cap on the number of services. */
  public static final int DEFAULT_MAX_SERVICES = 10_000;

  /** Default cap on the number of edges. */
  public static final int DEFAULT_MAX_EDGES = 100_000;

  private final int maxServices;
  private final int maxEdges;
  private final Map<String, Map<String, EdgeStats>> callees = new LinkedHashMap<>();
  private final Map<String, Set<String>> callers = new LinkedHashMap<>();
  private int edgeCount;
  private long dropped;

  /** A graph with the default caps. */
  public CallGraph() {
    this(DEFAULT_MAX_SERVICES, DEFAULT_MAX_EDGES);
  }

  /** A graph holding at most {@code maxServices} services and {@code maxEdges} edges. */
  public CallGraph(int maxServices, int maxEdges) {
    if (maxServices < 1 || maxEdges < 1) {
      throw new IllegalArgumentException(
          "maxServices and maxEdges must be >= 1 but were " + maxServices + ", " + maxEdges);
    }
    this.maxServices = maxServices;
    this.maxEdges = maxEdges;
  }

  /** Adds a service with no edges (kept if the cap allows); returns whether it is in the graph. */
  public synchronized boolean addService(String service) {
    Objects.requireNonNull(service, "service");
    if (callees.containsKey(service)) {
      return true;
    }
    if (callees.size() >= maxServices) {
      dropped++;
      return false;
    }
    callees.put(service, new LinkedHashMap<>());
    callers.put(service, new LinkedHashSet<>());
    return true;
  }

  /** Adds the edge caller -> callee if absent and returns its stats, empty when over a cap. */
  public synchronized Optional<EdgeStats> addEdge(String caller, String callee) {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(callee, "callee");
    Map<String, EdgeStats> out = callees.get(caller);
    EdgeStats existing = out == null ? null : out.get(callee);
    if (existing != null) {
      return Optional.of(existing);
    }
    int newServices = (out == null ? 1 : 0) + (callees.containsKey(callee) ? 0 : 1);
    if (caller.equals(callee) && out == null) {
      newServices = 1;
    }
    if (edgeCount >= maxEdges || callees.size() + newServices > maxServices) {
      dropped++;
      return Optional.empty();
    }
    addService(caller);
    addService(callee);
    EdgeStats stats = new EdgeStats();
    callees.get(caller).put(callee, stats);
    callers.get(callee).add(caller);
    edgeCount++;
    return Optional.of(stats);
  }

  /** Learns one call: adds the edge if needed and records the call on it; never throws. */
  public void recordCall(String caller, String callee, double latencyMillis, boolean error) {
    addEdge(caller, callee).ifPresent(stats -> stats.record(latencyMillis, error));
  }

  /** Whether the graph knows the service. */
  public synchronized boolean contains(String service) {
    return callees.containsKey(service);
  }

  /** Every service, in the order they were added. */
  public synchronized List<String> services() {
    return List.copyOf(callees.keySet());
  }

  /** Services the given one calls; empty for an unknown service. */
  public synchronized List<String> callees(String service) {
    Map<String, EdgeStats> out = callees.get(service);
    return out == null ? List.of() : List.copyOf(out.keySet());
  }

  /** Services that call the given one; empty for an unknown service. */
  public synchronized List<String> callers(String service) {
    Set<String> in = callers.get(service);
    return in == null ? List.of() : List.copyOf(in);
  }

  /** The stats of the edge caller -> callee, if the edge exists. */
  public synchronized Optional<EdgeStats> edge(String caller, String callee) {
    Map<String, EdgeStats> out = callees.get(caller);
    return Optional.ofNullable(out == null ? null : out.get(callee));
  }

  /** Every edge as {@code [caller, callee]}, in insertion order. */
  public synchronized List<List<String>> edges() {
    List<List<String>> all = new ArrayList<>(edgeCount);
    callees.forEach((from, out) -> out.keySet().forEach(to -> all.add(List.of(from, to))));
    return Collections.unmodifiableList(all);
  }

  /** Number of edges. */
  public synchronized int edgeCount() {
    return edgeCount;
  }

  /** Services and edges refused because a cap was reached. */
  public synchronized long dropped() {
    return dropped;
  }
}
