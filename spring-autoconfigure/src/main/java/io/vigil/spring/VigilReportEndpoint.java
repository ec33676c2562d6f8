package io.vigil.spring;

import io.vigil.spring.internal.PageView;
import io.vigil.spring.internal.ReportPage;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.web.annotation.WebEndpoint;

/**
 * The {@code vigilreport} web endpoint: the latest incident report (or {@code /{sequence}}, any
 * kept one) as an HTML page, with the dependency graph, the ranked causes and the culprit's signals
 * against their band. Exposed only when the user exposes it.
 */
@WebEndpoint(id = "vigilreport")
public final class VigilReportEndpoint {

  private final Supplier<PageView> latest;
  private final LongFunction<@Nullable PageView> bySequence;

  VigilReportEndpoint(Supplier<PageView> latest, LongFunction<@Nullable PageView> bySequence) {
    this.latest = latest;
    this.bySequence = bySequence;
  }

  /** The page of the latest report, rendered afresh. */
  @ReadOperation(produces = "text/html;charset=UTF-8")
  public String page() {
    return ReportPage.render(latest.get());
  }

  /** The page of the report with this sequence number; 404 when it is no longer kept. */
  @ReadOperation(produces = "text/html;charset=UTF-8")
  public @Nullable String report(@Selector long sequence) {
    PageView view = bySequence.apply(sequence);
    return view == null ? null : ReportPage.render(view);
  }
}
