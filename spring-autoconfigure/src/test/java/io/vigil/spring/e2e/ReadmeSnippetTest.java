package io.vigil.spring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import tools.jackson.databind.JsonNode;

/**
 * The README's Spring Boot set-up, taken from the README itself: its dependency is this build's
 * starter, it has at most two properties, and an application started with exactly those (and no
 * code, no logback.xml) serves both endpoints and logs Vigil's JSON.
 */
class ReadmeSnippetTest {

  private static final Path ROOT = Path.of("..");

  private static String block(String readme, String name) {
    Matcher m =
        Pattern.compile(
                "<!-- readme-snippet:" + name + " -->\\s*```\\w*\\n(.*?)```", Pattern.DOTALL)
            .matcher(readme);
    assertThat(m.find()).as("README block " + name).isTrue();
    return m.group(1);
  }

  @Test
  void theReadmesSetUpIsTheWholeSetUp() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    String dependency = block(readme, "dependency");
    String starterPom = Files.readString(ROOT.resolve("spring-boot-starter/pom.xml"));
    assertThat(dependency)
        .contains("<groupId>io.vigil</groupId>")
        .contains("<artifactId>vigil-spring-boot-starter</artifactId>")
        .contains("<type>pom</type>");
    assertThat(starterPom)
        .contains("<artifactId>vigil-spring-boot-starter</artifactId>")
        .contains("<packaging>pom</packaging>")
        .contains("<artifactId>vigil-spring-boot-autoconfigure</artifactId>")
        .contains("<artifactId>vigil-micrometer</artifactId>")
        .contains("<artifactId>vigil-logback</artifactId>")
        .contains("<artifactId>vigil-otel</artifactId>");
    Properties properties = new Properties();
    properties.load(new StringReader(block(readme, "properties")));
    assertThat(properties).hasSizeLessThanOrEqualTo(2);

    List<String> args = new ArrayList<>();
    properties.forEach((k, v) -> args.add("--" + k + "=" + v));
    args.add("--server.port=0");
    args.add("--spring.application.name=readme-app");
    try (ForkedApp app = ForkedApp.start(FreshApp.class, args)) {
      Integer port = app.awaitPort();
      assertThat(port).as("the app's port, from its output:%n%s", app.output()).isNotNull();
      HttpClient http = HttpClient.newHttpClient();
      for (String path : List.of("/actuator/vigil", "/actuator/vigilreport")) {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
      }
      JsonNode started = JsonLines.started(app);
      assertThat(started).as("a JSON start-up line in%n%s", app.output()).isNotNull();
      assertThat(started.get("service").asString()).isEqualTo("readme-app");
      assertThat(started.get("level").asString()).isEqualTo("INFO");
      assertThat(started.has("timestamp")).isTrue();
    }
  }

  /** An application with no code of its own. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  public static class FreshApp {

    /** Starts the application, as a user's main method does. */
    public static void main(String[] args) {
      SpringApplication.run(FreshApp.class, args);
    }
  }
}
