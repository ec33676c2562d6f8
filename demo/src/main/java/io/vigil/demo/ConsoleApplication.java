package io.vigil.demo;

import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo's console: a Spring Boot context beside the services that serves what the shared
 * analysis knows (the starter's {@code vigil} endpoint and {@code vigilreport} page, which find the
 * shared analyzer in the parent context), and on {@code /actuator/prometheus} the graph metrics
 * beside its own meters.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
class ConsoleApplication {

  /** The console's {@code spring.application.name} and OpenTelemetry {@code service.name}. */
  static final String NAME = "vigil-console";

  /** The report page's path under the console's URL. */
  static final String REPORT_PAGE = "/actuator/vigilreport";

  /** Starts the console as a child of {@code parent}, with {@code overrides} over the defaults. */
  static ConfigurableApplicationContext start(
      ConfigurableApplicationContext parent, Map<String, Object> overrides) {
    Map<String, Object> properties = ContextSettings.common(NAME);
    properties.put("management.tracing.export.enabled", "false");
    properties.put("server.port", "${" + DemoProperties.CONSOLE_PORT + ":0}");
    properties.put(
        "management.endpoints.web.exposure.include", "health,prometheus,vigil,vigilreport");
    properties.putAll(overrides);
    return new SpringApplicationBuilder(ConsoleApplication.class)
        .parent(parent)
        .properties(properties)
        .registerShutdownHook(false)
        .run();
  }
}
