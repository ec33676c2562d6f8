package io.vigil.cli.internal.rca;

import io.vigil.rca.Incident;

/**
 * One labelled fault of a dataset.
 *
 * @param id where the case comes from, for messages
 * @param faultType the kind of fault injected, such as {@code cpu}
 * @param rootCause the service the fault was injected into
 * @param incident what a ranker sees
 * @param group a row of its own the case is also counted in, such as the faults whose spans were
 *     not kept; empty for none
 */
record EvalCase(String id, String faultType, String rootCause, Incident incident, String group) {

  /** A case counted only in its fault type's row and the overall one. */
  EvalCase(String id, String faultType, String rootCause, Incident incident) {
    this(id, faultType, rootCause, incident, "");
  }
}
