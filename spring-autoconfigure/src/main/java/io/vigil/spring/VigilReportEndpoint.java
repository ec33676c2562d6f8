package io.vigil.spring;

import io.vigil.spring.internal.PageView;
import io.vigil.spring.internal.ReportPage;
import java.util.function.Supplier;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * The {@code vigilreport} web endpoint: the latest incident report as an HTML page, with the
 * dependency graph, the ranked causes and the culprit's signals against their band. Exposed only
 * when the user exposes it.
 */
@WebEndpoint(id = "vigilreport")
public final class VigilReportEndpoint {

  private final Supplier<PageView> view;

  VigilReportEndpoint(Supplier<PageView> view) {
    this.view = view;
  }

  /** The page, rendered afresh. */
  @ReadOperation(produces = "text/html;charset=UTF-8")
  public String page() {
    return ReportPage.render(view.get());
  }
}
