package io.vigil.spring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

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

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(FreshApp.class.getName());
    properties.forEach((k, v) -> command.add("--" + k + "=" + v));
    command.add("--server.port=0");
    command.add("--spring.application.name=readme-app");
    // A JVM of its own: the app starts its logging from scratch, as a user's app does.
    Process app = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new CopyOnWriteArrayList<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  lines.add(line);
                }
              } catch (IOException e) {
                // the process ended
              }
            });
    reader.setDaemon(true);
    reader.start();
    try {
      ObjectMapper json = new ObjectMapper();
      Pattern startedOnPort = Pattern.compile("started on port (\\d+)");
      Integer port = null;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (port == null && System.nanoTime() < deadline && app.isAlive()) {
        for (String line : lines) {
          Matcher m = startedOnPort.matcher(line);
          if (m.find()) {
            port = Integer.valueOf(m.group(1));
          }
        }
        Thread.sleep(100);
      }
      assertThat(port)
          .as("the app's port, from its output:%n%s", String.join("\n", lines))
          .isNotNull();
      HttpClient http = HttpClient.newHttpClient();
      for (String path : List.of("/actuator/vigil", "/actuator/vigilreport")) {
        HttpResponse<String> response =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
      }
      JsonNode started = null;
      for (String line : lines) {
        if (line.startsWith("{") && line.contains("\"message\":\"Started ")) {
          started = json.readTree(line);
        }
      }
      assertThat(started).as("a JSON start-up line in%n%s", String.join("\n", lines)).isNotNull();
      assertThat(started.get("service").asString()).isEqualTo("readme-app");
      assertThat(started.get("level").asString()).isEqualTo("INFO");
      assertThat(started.has("timestamp")).isTrue();
    } finally {
      app.destroy();
      if (!app.waitFor(20, TimeUnit.SECONDS)) {
        app.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
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
