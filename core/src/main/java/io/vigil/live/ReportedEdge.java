package io.vigil.live;

import java.util.Objects;

/**
 * One call-graph edge among an incident's services, with what the graph learned about it.
 *
 * @param caller the calling service
 * @param callee the called service
 * @param calls calls recorded on the edge since the graph learned it
 * @param errors of those, the calls that failed
 */
public record ReportedEdge(String caller, String callee, long calls, long errors) {

  /** Checks the names. */
  public ReportedEdge {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(callee, "callee");
  }
}
