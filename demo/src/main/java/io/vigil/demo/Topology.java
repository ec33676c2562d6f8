package io.vigil.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The seed's system: {@code web-frontend} calls {@code user-service} and {@code product-service};
 * {@code user-service} calls {@code database} and {@code cache}; {@code product-service} calls
 * {@code database} and {@code search-service}.
 */
final class Topology {

  /** The service the load generator calls. */
  public static final String ENTRY = "web-frontend";

  private static final Map<String, List<String>> CALLEES = new LinkedHashMap<>();

  static {
    CALLEES.put(ENTRY, List.of("user-service", "product-service"));
    CALLEES.put("user-service", List.of("database", "cache"));
    CALLEES.put("product-service", List.of("database", "search-service"));
    CALLEES.put("database", List.of());
    CALLEES.put("cache", List.of());
    CALLEES.put("search-service", List.of());
  }

  private Topology() {}

  /** Every service, callees before their callers, so each can start once its callees listen. */
  public static List<String> startOrder() {
    List<String> order = new ArrayList<>(CALLEES.keySet());
    java.util.Collections.reverse(order);
    return List.copyOf(order);
  }

  /** The services the given one calls, in call order. */
  public static List<String> callees(String service) {
    return CALLEES.getOrDefault(requireService(service), List.of());
  }

  /** Returns the name when it is one of the demo's services, or fails naming the choices. */
  public static String requireService(String service) {
    if (!CALLEES.containsKey(service)) {
      throw new IllegalArgumentException(
          "unknown service '"
              + service
              + "': expected one of "
              + String.join(", ", CALLEES.keySet()));
    }
    return service;
  }
}
