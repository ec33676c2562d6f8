package io.vigil.demo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where each running service listens, so callers find their callees' ports. */
final class ServiceDirectory {

  private final Map<String, String> urls = new ConcurrentHashMap<>();

  /** Records that the service answers at {@code baseUrl}. */
  void register(String service, String baseUrl) {
    urls.put(service, baseUrl);
  }

  /** The base URL of a running service, such as {@code http://127.0.0.1:40123}. */
  public String url(String service) {
    String url = urls.get(service);
    if (url == null) {
      throw new IllegalStateException("service '" + service + "' is not running");
    }
    return url;
  }
}
