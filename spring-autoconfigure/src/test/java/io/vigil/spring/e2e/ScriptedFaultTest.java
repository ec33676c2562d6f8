package io.vigil.spring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.live.IncidentReport;
import io.vigil.live.LiveIncidentAnalyzer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Two Boot services in one JVM, {@code shop} calling {@code payments}, sharing one analyzer: under
 * a bounded load loop, {@code payments} turns slow and failing for a while, and the report at
 * {@code shop}'s endpoint names {@code payments} as the likely cause. Step 1 s.
 */
@SpringBootTest(
    classes = ScriptedFaultTest.Shop.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=shop",
      "management.endpoints.web.exposure.include=vigil,vigilreport",
      "management.tracing.sampling.probability=1.0",
      "management.opentelemetry.tracing.export.schedule-delay=100ms",
      "vigil.anomaly.step=1s"
    })
@ContextConfiguration(initializers = SharedVigil.class)
class ScriptedFaultTest {

  static final AtomicBoolean FAULT = new AtomicBoolean();
  private static ConfigurableApplicationContext payments;

  @LocalServerPort int port;
  @Autowired LiveIncidentAnalyzer analyzer;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @AfterAll
  static void stop() {
    if (payments != null) {
      payments.close();
    }
  }

  static int startPayments() {
    if (payments == null) {
      payments =
          new SpringApplicationBuilder(Payments.class)
              .parent(SharedVigil.parent())
              .properties(
                  "spring.application.name=payments",
                  "server.port=0",
                  "server.address=127.0.0.1",
                  "management.tracing.sampling.probability=1.0",
                  "management.opentelemetry.tracing.export.schedule-delay=100ms",
                  "management.otlp.metrics.export.enabled=false",
                  "management.tracing.export.otlp.enabled=false",
                  "vigil.anomaly.step=1s")
              .run();
    }
    return payments.getEnvironment().getProperty("local.server.port", Integer.class);
  }

  @Test
  void aSlowAndFailingDependencyIsNamedInTheReport() throws Exception {
    System.setProperty("payments.port", String.valueOf(startPayments()));
    assertThat(payments.getBean(LiveIncidentAnalyzer.class)).isSameAs(analyzer);
    AtomicInteger sent = new AtomicInteger();
    ExecutorService load = Executors.newFixedThreadPool(3);
    long start = System.nanoTime();
    long deadline = start + TimeUnit.SECONDS.toNanos(75);
    for (int i = 0; i < 3; i++) {
      load.submit(
          () -> {
            while (System.nanoTime() < deadline
                && sent.get() < 20_000
                && analyzer.reports().isEmpty()) {
              long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
              FAULT.set(elapsed >= 25 && elapsed < 35);
              try {
                http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/checkout"))
                        .timeout(Duration.ofSeconds(5))
                        .build(),
                    HttpResponse.BodyHandlers.discarding());
                sent.incrementAndGet();
                Thread.sleep(20);
              } catch (InterruptedException e) {
                return;
              } catch (Exception e) {
                // A refused or timed-out request is part of the fault; go on.
              }
            }
          });
    }
    load.shutdown();
    assertThat(load.awaitTermination(90, TimeUnit.SECONDS)).isTrue();
    FAULT.set(false);
    long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (analyzer.reports().isEmpty() && System.nanoTime() < waitUntil) {
      Thread.sleep(200);
    }
    List<IncidentReport> reports = analyzer.reports();
    assertThat(reports).as("reports after %d requests", sent.get()).isNotEmpty();

    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/vigil/reports"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode latest = new ObjectMapper().readTree(response.body()).path("reports").path(0);
    assertThat(latest.path("topCause").asString())
        .as("report %s", latest.path("summary"))
        .isEqualTo("payments");
    String page =
        http.send(
                HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/vigilreport"))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(page).contains("<g class=\"node culprit\" data-service=\"payments\">");
    try (Browser browser = Browser.start()) {
      browser.driver().get("http://127.0.0.1:" + port + "/actuator/vigilreport");
      WebElement culprit = browser.driver().findElement(By.cssSelector("g.node.culprit"));
      assertThat(culprit.getDomAttribute("data-service")).isEqualTo("payments");
      assertThat(culprit.isDisplayed()).isTrue();
      assertThat(browser.driver().findElements(By.cssSelector("svg.plot"))).isNotEmpty();
      System.out.println("ScriptedFaultTest screenshot: " + browser.screenshot("report-payments"));
    }
    System.out.println(
        "ScriptedFaultTest: " + sent.get() + " requests; " + reports.get(0).summary());
  }

  /** The front service: its checkout calls payments. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(ShopController.class)
  static class Shop {}

  /** The payments service, turned slow and failing while {@link #FAULT} is set. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(PaymentsController.class)
  static class Payments {}

  @RestController
  static class ShopController {
    private final RestClient payments;

    ShopController(RestClient.Builder builder) {
      this.payments = builder.build();
    }

    @GetMapping("/checkout")
    ResponseEntity<String> checkout() {
      try {
        String paid =
            payments
                .get()
                .uri("http://127.0.0.1:" + System.getProperty("payments.port") + "/charge")
                .retrieve()
                .body(String.class);
        return ResponseEntity.ok(paid);
      } catch (RestClientException e) {
        return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body("payment failed");
      }
    }
  }

  @RestController
  static class PaymentsController {
    private final AtomicInteger calls = new AtomicInteger();

    @GetMapping("/charge")
    ResponseEntity<String> charge() throws InterruptedException {
      if (FAULT.get()) {
        Thread.sleep(150);
        if (calls.incrementAndGet() % 5 < 3) {
          return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body("declined");
        }
      }
      return ResponseEntity.ok("paid");
    }
  }
}
