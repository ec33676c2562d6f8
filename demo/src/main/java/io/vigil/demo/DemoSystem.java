package io.vigil.demo;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The running system: the {@link SharedAnalysis} parent context and one child context per service
 * of the {@link Topology}, each on its own port of 127.0.0.1, started callees first, then the
 * {@link ConsoleApplication}.
 */
final class DemoSystem implements AutoCloseable {

  private final AnnotationConfigApplicationContext shared;
  private final ServiceDirectory directory = new ServiceDirectory();
  private final Map<String, ConfigurableApplicationContext> services = new LinkedHashMap<>();
  private @Nullable ConfigurableApplicationContext console;

  private DemoSystem(Map<String, Object> overrides) {
    shared = new AnnotationConfigApplicationContext();
    shared.getEnvironment().getPropertySources().addFirst(new MapPropertySource("demo", overrides));
    // Boot's conversions (durations such as "1s") for the shared context's settings too.
    shared.getEnvironment().setConversionService(new ApplicationConversionService());
    shared.registerBean(ServiceDirectory.class, () -> directory);
    shared.register(SharedAnalysis.class);
    shared.refresh();
    try {
      for (String service : Topology.startOrder()) {
        ConfigurableApplicationContext context =
            ServiceApplication.start(shared, service, overrides);
        services.put(service, context);
        directory.register(
            service,
            "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port"));
      }
      console = ConsoleApplication.start(shared, overrides);
      console
          .getBean(PrometheusMeterRegistry.class)
          .getPrometheusRegistry()
          .register(shared.getBean(GraphMetricsExport.class).prometheusReader());
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Starts every service, each with {@code overrides} over its default settings. */
  public static DemoSystem start(Map<String, Object> overrides) {
    return new DemoSystem(overrides);
  }

  /** The analysis step. */
  Duration step() {
    return SharedAnalysis.step(shared.getEnvironment());
  }

  /** The shared parent context. */
  public ConfigurableApplicationContext shared() {
    return shared;
  }

  /** A service's context. */
  public ConfigurableApplicationContext service(String name) {
    return services.get(Topology.requireService(name));
  }

  /** The console's base URL: the report page and the graph metrics' scrape. */
  public String consoleUrl() {
    return "http://127.0.0.1:" + console().getEnvironment().getProperty("local.server.port");
  }

  /** The console's context. */
  public ConfigurableApplicationContext console() {
    if (console == null) {
      throw new IllegalStateException("the console is not running");
    }
    return console;
  }

  /** A service's base URL, such as {@code http://127.0.0.1:40123}. */
  public String url(String service) {
    return directory.url(Topology.requireService(service));
  }

  /** Injects the fault into the service; every request it serves from now on suffers it. */
  public void inject(String service, Fault fault) {
    service(service).getBean(FaultSwitch.class).inject(fault);
  }

  /** Turns every fault off. */
  public void clearFaults() {
    services.values().forEach(c -> c.getBean(FaultSwitch.class).clear());
  }

  /** Stops every service, callers first, then the shared context. */
  @Override
  public void close() {
    List<ConfigurableApplicationContext> running = new ArrayList<>(services.values());
    if (console != null) {
      running.add(console);
      console = null;
    }
    Collections.reverse(running);
    running.forEach(ConfigurableApplicationContext::close);
    services.clear();
    shared.close();
  }
}
