package io.vigil.cli.internal.fleet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A simulated fleet: a layered call graph of services behind a load generator, its traffic, latency
 * and errors every scrape interval, and faults injected one service at a time. It writes what the
 * OpenTelemetry Collector's servicegraph connector would export for it (request, failed, server and
 * client latency counters per edge) and each service's {@code process_cpu_usage}, through a real
 * store's remote-write API.
 *
 * <p>A service's latency is its own work plus its callees' (calls are synchronous); its error ratio
 * is its own plus half of its callees'. A fault multiplies its own work and adds errors, so it
 * shows upstream, as real faults do.
 */
final class FleetSimulation {

  /** A fault: from {@code startMillis} for {@code durationMillis}, in {@code service}. */
  record Fault(String service, long startMillis, long durationMillis) {
    boolean activeAt(long t) {
      return t >= startMillis && t < startMillis + durationMillis;
    }
  }

  static final String LOAD = "loadgen";
  static final long STEP = 15_000;

  final List<List<String>> layers = new ArrayList<>();
  final Map<String, List<String>> callees = new LinkedHashMap<>();
  private final Map<String, Double> ownMillis = new HashMap<>();
  private final Map<String, Double> rate = new HashMap<>();
  private final Random random;

  /** A fleet of about {@code services} services in {@code depth} layers, from {@code seed}. */
  FleetSimulation(int services, int depth, long seed) {
    random = new Random(seed);
    int frontends = Math.max(2, services / 50);
    int rest = services - frontends;
    layers.add(names("frontend", frontends));
    for (int k = 1; k < depth; k++) {
      // Later layers are wider: a fleet fans out toward its shared back ends.
      int size = (int) Math.round(rest * (double) k / (depth * (depth - 1) / 2.0));
      layers.add(names("svc" + k, k == depth - 1 ? rest - sum(depth - 1) : size));
    }
    callees.put(LOAD, new ArrayList<>());
    layers.get(0).forEach(frontend -> addEdge(LOAD, frontend));
    for (int k = 0; k < depth; k++) {
      for (String s : layers.get(k)) {
        callees.put(s, new ArrayList<>());
        ownMillis.put(s, 2.0 + 10.0 * random.nextDouble());
      }
    }
    for (int k = 0; k + 1 < depth; k++) {
      List<String> next = layers.get(k + 1);
      for (String s : layers.get(k)) {
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
          addEdge(s, next.get(random.nextInt(next.size())));
        }
      }
      for (String callee : next) {
        if (callees.values().stream().noneMatch(c -> c.contains(callee))) {
          addEdge(layers.get(k).get(random.nextInt(layers.get(k).size())), callee);
        }
      }
    }
  }

  /** Writes every scrape from {@code fromMillis} to {@code toMillis} with the faults applied. */
  void write(RemoteWriter writer, long fromMillis, long toMillis, List<Fault> faults)
      throws IOException, InterruptedException {
    Map<String, double[]> counters = new HashMap<>();
    for (long t = fromMillis; t <= toMillis; t += STEP) {
      Map<String, Double> latency = new HashMap<>();
      Map<String, Double> errors = new HashMap<>();
      for (int k = layers.size() - 1; k >= 0; k--) {
        for (String s : layers.get(k)) {
          boolean faulty = isFaulty(s, t, faults);
          double own = ownMillis.get(s) * (1 + 0.05 * random.nextGaussian()) * (faulty ? 25 : 1);
          double lat = own;
          double ok = 1 - (0.001 + (faulty ? 0.3 : 0));
          for (String c : callees.get(s)) {
            lat += latency.get(c) + 0.5;
            ok *= 1 - 0.5 * errors.get(c);
          }
          latency.put(s, lat);
          errors.put(s, 1 - ok);
        }
      }
      List<RemoteWriter.Sample> samples = new ArrayList<>();
      for (Map.Entry<String, List<String>> e : callees.entrySet()) {
        for (String server : e.getValue()) {
          String edge = e.getKey() + "->" + server;
          double calls = rate.get(edge) * STEP / 1000.0 * (1 + 0.03 * random.nextGaussian());
          double[] c = counters.computeIfAbsent(edge, x -> new double[6]);
          c[0] += calls;
          c[1] += calls * errors.get(server);
          c[2] += calls * latency.get(server) / 1000.0;
          c[3] += calls;
          c[4] += calls * (latency.get(server) + 0.5) / 1000.0;
          c[5] += calls;
          Map<String, String> labels = Map.of("client", e.getKey(), "server", server);
          add(samples, "traces_service_graph_request_total", labels, t, c[0]);
          add(samples, "traces_service_graph_request_failed_total", labels, t, c[1]);
          add(samples, "traces_service_graph_request_server_seconds_sum", labels, t, c[2]);
          add(samples, "traces_service_graph_request_server_seconds_count", labels, t, c[3]);
          add(samples, "traces_service_graph_request_client_seconds_sum", labels, t, c[4]);
          add(samples, "traces_service_graph_request_client_seconds_count", labels, t, c[5]);
        }
      }
      for (List<String> layer : layers) {
        for (String s : layer) {
          double cpu = 0.2 + 0.01 * random.nextGaussian();
          add(samples, "process_cpu_usage", Map.of("application", s), t, cpu);
        }
      }
      writer.write(samples);
    }
  }

  /** Every service, frontends first. */
  List<String> services() {
    return layers.stream().flatMap(List::stream).toList();
  }

  private static boolean isFaulty(String service, long t, List<Fault> faults) {
    return faults.stream().anyMatch(f -> f.service().equals(service) && f.activeAt(t));
  }

  private void addEdge(String caller, String callee) {
    if (!callees.get(caller).contains(callee)) {
      callees.get(caller).add(callee);
      rate.put(caller + "->" + callee, 5.0 + 45.0 * random.nextDouble());
    }
  }

  private static void add(
      List<RemoteWriter.Sample> samples,
      String name,
      Map<String, String> labels,
      long t,
      double value) {
    Map<String, String> all = new HashMap<>(labels);
    all.put("__name__", name);
    all.put("job", "otel-collector");
    samples.add(new RemoteWriter.Sample(all, t, value));
  }

  private int sum(int layersSoFar) {
    return layers.stream().skip(1).limit(layersSoFar).mapToInt(List::size).sum();
  }

  private static List<String> names(String prefix, int n) {
    List<String> names = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      names.add(String.format("%s-%03d", prefix, i));
    }
    return names;
  }
}
