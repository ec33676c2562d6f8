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
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The README's Spring Boot set-up, taken from the README itself: its dependency is this build's
 * starter, it has at most two properties, and an application started with exactly those (and no
 * code, no logback.xml) serves both endpoints and logs Vigil's JSON.
 */
@ExtendWith(OutputCaptureExtension.class)
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
  void theReadmesSetUpIsTheWholeSetUp(CapturedOutput output) throws Exception {
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
    try (ConfigurableApplicationContext app =
        SpringApplication.run(FreshApp.class, args.toArray(String[]::new))) {
      int port = app.getEnvironment().getProperty("local.server.port", Integer.class);
      HttpClient http = HttpClient.newHttpClient();
      for (String path : List.of("/actuator/vigil", "/actuator/vigilreport")) {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
      }
    }
    ObjectMapper json = new ObjectMapper();
    JsonNode started = null;
    for (String line : output.getOut().split("\n")) {
      if (line.startsWith("{") && line.contains("\"message\":\"Started ")) {
        started = json.readTree(line);
      }
    }
    assertThat(started).as("a JSON line for the start-up in\n%s", output.getOut()).isNotNull();
    assertThat(started.get("service").asString()).isEqualTo("readme-app");
    assertThat(started.get("level").asString()).isEqualTo("INFO");
    assertThat(started.has("timestamp")).isTrue();
  }

  /** An application with no code of its own. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class FreshApp {}
}
