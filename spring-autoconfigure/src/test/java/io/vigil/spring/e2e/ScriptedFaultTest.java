package io.vigil.spring.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.live.IncidentReport;
import io.vigil.live.LiveIncidentAnalyzer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
      "vigil.anomaly.step=1s",
      // One JVM runs both services: its jvm.* meters belong to neither.
      "vigil.anomaly.watch=http.server.requests"
    })
@ContextConfiguration(initializers = SharedVigil.class)
class ScriptedFaultTest {

  static final AtomicBoolean FAULT = new AtomicBoolean();
  static final int FAULT_FROM = 40;
  static final int FAULT_UNTIL = 50;
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
                  "vigil.anomaly.step=1s",
                  // One JVM runs both services: its jvm.* meters belong to neither.
                  "vigil.anomaly.watch=http.server.requests")
              .run();
    }
    return payments.getEnvironment().getProperty("local.server.port", Integer.class);
  }

  @Test
  void aSlowAndFailingDependencyIsNamedInTheReport() throws Exception {
    System.setProperty("payments.port", String.valueOf(startPayments()));
    assertThat(payments.getBean(LiveIncidentAnalyzer.class)).isSameAs(analyzer);
    AtomicInteger sent = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    ExecutorService load = Executors.newFixedThreadPool(3);
    long start = System.nanoTime();
    long faultMillis = System.currentTimeMillis() + FAULT_FROM * 1000L;
    long deadline = start + TimeUnit.SECONDS.toNanos(120);
    // Traffic goes on after the fault, as it would: its end would be an incident of its own.
    for (int i = 0; i < 3; i++) {
      load.submit(
          () -> {
            while (System.nanoTime() < deadline && sent.get() < 30_000 && !stop.get()) {
              long elapsed = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
              FAULT.set(elapsed >= FAULT_FROM && elapsed < FAULT_UNTIL);
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
    try {
      // A report that starts before the fault is the JVM warming up (JIT, first connections).
      IncidentReport fault = null;
      while (fault == null && System.nanoTime() < deadline) {
        Thread.sleep(200);
        for (IncidentReport report : analyzer.reports()) {
          if (report.startMillis() >= faultMillis - 2000) {
            fault = report;
            break;
          }
        }
      }
      assertThat(fault).as("a report after the fault among %s", analyzer.reports()).isNotNull();
      checkTheReport(fault, sent.get());
    } finally {
      stop.set(true);
      FAULT.set(false);
      assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
  }

  private void checkTheReport(IncidentReport fault, int sent) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/vigil/reports"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode shown = null;
    for (JsonNode report : new ObjectMapper().readTree(response.body()).path("reports")) {
      if (report.path("sequence").asLong() == fault.sequence()) {
        shown = report;
      }
    }
    assertThat(shown).as("report %d at the endpoint", fault.sequence()).isNotNull();
    assertThat(shown.path("topCause").asString())
        .as("report %s", shown.path("summary"))
        .isEqualTo("payments");
    String pagePath = "/actuator/vigilreport/" + fault.sequence();
    String page =
        http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pagePath)).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(page).contains("<g class=\"node culprit\" data-service=\"payments\">");
    try (Browser browser = Browser.start()) {
      browser.driver().get("http://127.0.0.1:" + port + pagePath);
      WebElement culprit = browser.driver().findElement(By.cssSelector("g.node.culprit"));
      assertThat(culprit.getDomAttribute("data-service")).isEqualTo("payments");
      assertThat(culprit.isDisplayed()).isTrue();
      assertThat(browser.driver().findElements(By.cssSelector("svg.plot"))).isNotEmpty();
      System.out.println("ScriptedFaultTest screenshot: " + browser.screenshot("report-payments"));
    }
    System.out.println("ScriptedFaultTest: " + sent + " requests; " + fault.summary());
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
