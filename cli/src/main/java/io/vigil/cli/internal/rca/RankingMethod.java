package io.vigil.cli.internal.rca;

import io.vigil.rca.GraphRootCauseRanker;
import io.vigil.rca.MaxSignalRanker;
import io.vigil.rca.RankerSettings;
import io.vigil.rca.RootCauseRanker;

/** The rankers {@code vigil rca} can run: Vigil's own and the two baselines. */
enum RankingMethod {
  /** {@link GraphRootCauseRanker}, the ranking the product uses. */
  VIGIL,
  /** The n-sigma baseline. */
  NSIGMA,
  /** The BARO baseline. */
  BARO;

  RootCauseRanker ranker(RankerSettings settings) {
    return switch (this) {
      case VIGIL -> new GraphRootCauseRanker(settings);
      case NSIGMA -> MaxSignalRanker.nsigma();
      case BARO -> MaxSignalRanker.baro();
    };
  }
}
