package io.vigil.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReportPageTest {

  private static final String EVIL = "<script>alert(1)</script>";

  private PageView view(String culprit) {
    GraphView graph =
        new GraphView(
            List.of("web", "api", culprit),
            List.of(
                new GraphView.Edge("web", "api", 1000, 0),
                new GraphView.Edge("api", culprit, 400, 400)),
            Set.of(culprit));
    PageView.Plot plot =
        new PageView.Plot(
            culprit,
            "server.latency.p99",
            new long[] {1000, 2000, 3000},
            new double[] {1, 1, 9},
            new double[] {0.5, 0.5, 0.5},
            new double[] {1.5, 1.5, 1.5});
    return new PageView(
        "Incident 1",
        culprit + " failing",
        graph,
        List.of(new PageView.Cause(1, culprit, 0.9, List.of(culprit + " error.ratio 1.0"))),
        List.of(plot));
  }

  @Test
  void marksTheCulpritInTheGraph() {
    String html = ReportPage.render(view("db"));
    assertThat(html).contains("<g class=\"node culprit\" data-service=\"db\">");
    assertThat(html).contains("<g class=\"node\" data-service=\"web\">");
    assertThat(html).contains("class=\"band\"").contains("class=\"values\"");
  }

  @Test
  void escapesEveryName() {
    String html = ReportPage.render(view(EVIL));
    assertThat(html).doesNotContain("<script").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
  }

  @Test
  void loadsNothing() {
    String html = ReportPage.render(view("db"));
    assertThat(html).contains("default-src 'none'");
    assertThat(html).doesNotContain("src=").doesNotContain("href=").doesNotContain("@import");
  }

  @Test
  void edgesAreWeightedByCallsAndColouredByErrors() {
    String html = ReportPage.render(view("db"));
    assertThat(html).contains("stroke=\"" + GraphSvg.errorColour(0) + "\" stroke-width=\"6.00\"");
    assertThat(html).contains("stroke=\"" + GraphSvg.errorColour(1) + "\"");
    assertThat(GraphSvg.errorColour(1)).isEqualTo("#d62728");
  }

  @Test
  void layoutPutsCallersLeftOfCallees() {
    GraphView graph = view("db").graph();
    GraphLayout layout = GraphLayout.of(graph);
    assertThat(layout.position("web")[0]).isLessThan(layout.position("api")[0]);
    assertThat(layout.position("api")[0]).isLessThan(layout.position("db")[0]);
  }

  @Test
  void layoutSurvivesCycles() {
    GraphView graph =
        new GraphView(
            List.of("a", "b"),
            List.of(new GraphView.Edge("a", "b", 1, 0), new GraphView.Edge("b", "a", 1, 0)),
            Set.of());
    GraphLayout layout = GraphLayout.of(graph);
    assertThat(layout.services()).containsExactly("a", "b");
    assertThat(ReportPage.render(new PageView("t", "s", graph, List.of(), List.of())))
        .contains("data-service=\"a\"");
  }
}
