package io.vigil.spring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * A user who keeps a {@code logback-spring.xml} includes {@code
 * io/vigil/spring/logback/console-appender.xml} and gets Vigil's JSON with the service and version
 * from Spring's properties.
 */
class LogbackFragmentTest {

  @Test
  void theIncludedAppenderWritesVigilsJson() throws Exception {
    try (ForkedApp app =
        ForkedApp.start(
            App.class,
            List.of(
                "--logging.config=classpath:logback-fragment-test.xml",
                "--spring.application.name=orders",
                "--spring.application.version=2.0.1",
                "--server.port=0"))) {
      assertThat(app.awaitPort()).as(app.output()).isNotNull();
      JsonNode started = JsonLines.started(app);
      assertThat(started).as("a JSON start-up line in%n%s", app.output()).isNotNull();
      assertThat(started.get("service").asString()).isEqualTo("orders");
      assertThat(started.get("service_version").asString()).isEqualTo("2.0.1");
      assertThat(started.get("logger").asString()).isNotBlank();
    }
  }

  /** An application with no code of its own. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  public static class App {

    /** Starts the application. */
    public static void main(String[] args) {
      SpringApplication.run(App.class, args);
    }
  }
}
