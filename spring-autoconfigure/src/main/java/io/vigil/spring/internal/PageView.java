package io.vigil.spring.internal;

import java.util.List;

/**
 * What the report page shows of one incident report (or of none yet).
 *
 * @param title the heading
 * @param summary one line under it
 * @param graph the dependency graph with the culprit marked
 * @param causes the ranked causes, best first
 * @param plots for each culprit signal, its recent values against the expected band
 */
public record PageView(
    String title, String summary, GraphView graph, List<Cause> causes, List<Plot> plots) {

  /** Copies the lists. */
  public PageView {
    causes = List.copyOf(causes);
    plots = List.copyOf(plots);
  }

  /** One ranked cause and the evidence for it, as lines of text. */
  public record Cause(int rank, String service, double score, List<String> evidence) {

    /** Copies the evidence. */
    public Cause {
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * One signal's recent values against its expected band; arrays of equal length, NaN where a value
   * or bound is missing.
   */
  public record Plot(
      String service,
      String signal,
      long[] timestamps,
      double[] values,
      double[] lower,
      double[] upper) {

    /** Checks the lengths and copies the arrays. */
    public Plot {
      int n = timestamps.length;
      if (values.length != n || lower.length != n || upper.length != n) {
        throw new IllegalArgumentException(
            "plot of " + service + " " + signal + " needs arrays of one length");
      }
      timestamps = timestamps.clone();
      values = values.clone();
      lower = lower.clone();
      upper = upper.clone();
    }
  }
}
