package io.vigil.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * One of the demo's services: a Spring Boot web application with actuator, Micrometer and Boot's
 * OpenTelemetry tracing, its own {@code spring.application.name} (which Boot also makes its
 * OpenTelemetry {@code service.name}), listening on a free port of 127.0.0.1.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration
@Import(WorkController.class)
class ServiceApplication {

  @Bean
  FaultSwitch faultSwitch() {
    return new FaultSwitch();
  }

  @Bean
  ServiceSpanExporter serviceSpanExporter(SharedSpanExporter shared) {
    return new ServiceSpanExporter(shared);
  }

  /** Starts the service as a child of {@code parent}, with {@code overrides} over the defaults. */
  static ConfigurableApplicationContext start(
      ConfigurableApplicationContext parent, String service, Map<String, Object> overrides) {
    Map<String, Object> properties = new LinkedHashMap<>(defaults(service));
    properties.putAll(overrides);
    return new SpringApplicationBuilder(ServiceApplication.class)
        .parent(parent)
        .properties(properties)
        .registerShutdownHook(false)
        .run();
  }

  /** The settings every service runs with. */
  static Map<String, Object> defaults(String service) {
    Map<String, Object> p = ContextSettings.common(service);
    // The shared analysis has the one span exporter (SharedAnalysis says why).
    p.put("vigil.otel.enabled", "false");
    p.put("spring.http.clients.connect-timeout", "2s");
    p.put("spring.http.clients.read-timeout", "10s");
    // Trace every request; spans stay in the JVM (no OTLP collector to send them to).
    p.put("management.tracing.sampling.probability", "1.0");
    p.put("management.opentelemetry.tracing.export.schedule-delay", "200ms");
    return p;
  }
}
