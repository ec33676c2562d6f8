package io.vigil.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The endpoints over HTTP in a real web application, exposed as the README says. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "server.address=127.0.0.1",
      "spring.application.name=checkout",
      "management.endpoints.web.exposure.include=vigil,vigilreport"
    })
class WebEndpointTest {

  @LocalServerPort int port;

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void servesTheSectionsAsJson() throws Exception {
    HttpResponse<String> all = get("/actuator/vigil");
    assertThat(all.statusCode()).isEqualTo(200);
    JsonNode sections = new ObjectMapper().readTree(all.body());
    assertThat(sections.has("anomalies")).isTrue();
    assertThat(sections.path("series").path("counts").has("dropped")).isTrue();
    HttpResponse<String> series = get("/actuator/vigil/series");
    assertThat(series.statusCode()).isEqualTo(200);
    assertThat(get("/actuator/vigil/nothing").statusCode()).isEqualTo(404);
  }

  @Test
  void servesTheReportPageAsHtml() throws Exception {
    HttpResponse<String> page = get("/actuator/vigilreport");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("checkout");
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}
}
