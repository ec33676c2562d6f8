package io.vigil.demo;

import java.util.LinkedHashMap;
import java.util.Map;

/** The settings every context of the demo starts with, services and console alike. */
final class ContextSettings {

  private ContextSettings() {}

  /** Quiet, on a free port of 127.0.0.1, named {@code name}, nothing sent anywhere by default. */
  static Map<String, Object> common(String name) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("spring.application.name", name);
    p.put("spring.main.banner-mode", "off");
    p.put("logging.level.root", "WARN");
    // Tomcat lists the JDK HTTP client's idle workers at shutdown; they stop on their own.
    p.put("logging.level.org.apache.catalina.loader.WebappClassLoaderBase", "ERROR");
    p.put("server.address", "127.0.0.1");
    p.put("server.port", "0");
    p.put("server.tomcat.threads.max", "32");
    p.put("server.tomcat.threads.min-spare", "2");
    p.put("management.endpoints.web.exposure.include", "health,prometheus");
    // Micrometer's meters carry the service's name, as the fleet queries expect.
    p.put("management.metrics.tags.application", name);
    // Boot adds its common-tag filters to Vigil's registry after the registry's own meters;
    // Micrometer
    // warns once per filter and context, which would bury the demo's output.
    p.put("logging.level.io.vigil.micrometer.VigilAnomalyMeterRegistry", "ERROR");
    // Vigil's registry (and its own vigil.anomaly.* meters) stays, but watches no meter: the shared
    // analyzer judges the spans' signals. Fed the registries' signals too, it reported flat meters
    // (a request rate of 20 dipping to 19, JVM pause rates) as the first incidents after a fault.
    p.put("vigil.anomaly.watch", "vigil.demo.unwatched");
    // Vigil's registry takes its signals every analysis step.
    p.put(
        "vigil.anomaly.step",
        "${" + DemoProperties.STEP + ":" + DemoProperties.DEFAULT_STEP.toSeconds() + "s}");
    p.put("management.tracing.export.otlp.enabled", "false");
    p.put("management.otlp.metrics.export.enabled", "false");
    p.put("management.logging.export.otlp.enabled", "false");
    return p;
  }
}
