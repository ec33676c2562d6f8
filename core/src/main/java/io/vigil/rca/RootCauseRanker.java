package io.vigil.rca;

import java.util.List;

/** Ranks the services of an incident by how likely each is its root cause. */
@FunctionalInterface
public interface RootCauseRanker {

  /**
   * Every candidate service, most likely first; empty for an empty incident. Never throws on
   * cycles, unknown services or missing data.
   */
  List<RankedCause> rank(Incident incident);
}
