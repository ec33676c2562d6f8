package io.vigil.spring.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.live.LiveIncidentAnalyzer;
import io.vigil.rca.CallGraph;
import io.vigil.spring.LiveFixtures;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The report page in a real browser, for an incident whose culprit is named {@code
 * <script>alert(1)</script>}: the name shows as text, marked as the culprit, and no script runs.
 */
@SpringBootTest(
    classes = ReportPageBrowserTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.application.name=<b>shop</b>",
      "management.endpoints.web.exposure.include=vigilreport",
      "vigil.live.step=1s",
      "vigil.live.settle=2s",
      "vigil.live.persistence=1",
      "vigil.anomaly.enabled=false",
      "vigil.otel.enabled=false"
    })
class ReportPageBrowserTest {

  static final String EVIL = "<script>alert(1)</script>";

  @LocalServerPort int port;
  @Autowired LiveIncidentAnalyzer analyzer;
  @Autowired CallGraph graph;

  @Test
  void aHostileServiceNameRendersAsTextAndRunsNothing() throws Exception {
    graph.recordCall("web", EVIL, 12, false);
    graph.recordCall("web", EVIL, 900, true);
    LiveFixtures.spike(analyzer, "server.latency.p99", EVIL, "web");
    assertThat(analyzer.reports()).isNotEmpty();

    try (Browser browser = Browser.start()) {
      browser.driver().get("http://127.0.0.1:" + port + "/actuator/vigilreport");
      assertThatThrownBy(() -> browser.driver().switchTo().alert())
          .isInstanceOf(NoAlertPresentException.class);
      assertThat(browser.driver().findElements(By.tagName("script"))).isEmpty();
      WebElement culprit = browser.driver().findElement(By.cssSelector("g.node.culprit"));
      assertThat(culprit.getDomAttribute("data-service")).isEqualTo(EVIL);
      WebElement cause = browser.driver().findElement(By.cssSelector("li.cause strong"));
      assertThat(cause.getText()).isEqualTo(EVIL);
      assertThat(browser.driver().getTitle()).contains("<b>shop</b>");
      System.out.println(
          "ReportPageBrowserTest screenshot: " + browser.screenshot("report-hostile-name"));
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}
}
