package io.vigil.cli.internal.traces;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutgoingShortfallTest {

  private static final long STEP = 10_000L;

  private final OutgoingShortfall shortfall = new OutgoingShortfall(STEP);
  private final List<String> emitted = new ArrayList<>();

  private void step(long end, double calls, double mailShare) {
    if (mailShare >= 0) {
      shortfall.share("server.outgoing{name=Mail}", mailShare);
    }
    shortfall.calls(end, calls, (s, t, v) -> emitted.add(s + "@" + t + "=" + v));
  }

  @Test
  void poolsTheLastStepsWeightedByRequests() {
    step(STEP, 3, 1.0);
    step(2 * STEP, 1, 0.0);

    // 3 mails over 4 requests, as a shortfall.
    assertThat(emitted)
        .containsExactly(
            "server.outgoing.shortfall{name=Mail}@10000=-1.0",
            "server.outgoing.shortfall{name=Mail}@20000=-0.75");
  }

  @Test
  void aCallNoLongerMadeCountsAsZeroAndOldStepsLeaveThePool() {
    step(STEP, 2, 1.0);
    for (int i = 2; i <= OutgoingShortfall.STEPS + 1; i++) {
      step(i * STEP, 2, -1);
    }

    assertThat(emitted.get(1)).isEqualTo("server.outgoing.shortfall{name=Mail}@20000=-0.5");
    assertThat(emitted.get(emitted.size() - 1)).endsWith("=-0.0");
  }

  @Test
  void aGapInTheRecordingEmptiesThePool() {
    step(STEP, 2, 1.0);
    step(100 * STEP, 2, 0.0);

    assertThat(emitted.get(1)).isEqualTo("server.outgoing.shortfall{name=Mail}@1000000=-0.0");
  }

  @Test
  void stepsWithoutRequestsEmitNothing() {
    step(STEP, 0, -1);

    assertThat(emitted).isEmpty();
  }
}
