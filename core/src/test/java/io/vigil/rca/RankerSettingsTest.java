package io.vigil.rca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RankerSettingsTest {

  @Test
  void defaultsAreTheMeasuredSettings() {
    RankerSettings d = RankerSettings.DEFAULTS;
    assertThat(d)
        .isEqualTo(new RankerSettings(3.0, 0.85, 50, 0.1, 0.5, 1.0, 0.8, 1.0, 3, 20.0))
        .isEqualTo(RankerSettings.builder().build());
  }

  @Test
  void textSetsEachSettingByName() {
    RankerSettings s =
        RankerSettings.builder()
            .setAll(
                Map.of(
                    "onsetThreshold", "2.5",
                    "damping", "0.5",
                    "rounds", "80",
                    "backwardWeight", "0",
                    "deviationWeight", "1e-1",
                    "graphWeight", "2",
                    "onsetDecay", "1",
                    "explainWeight", "0.25",
                    "persistence", "1",
                    "resourceWeight", "+4"))
            .build();
    assertThat(s).isEqualTo(new RankerSettings(2.5, 0.5, 80, 0, 0.1, 2, 1, 0.25, 1, 4));
  }

  @Test
  void aWholeSettingRejectsAFractionInsteadOfTruncatingIt() {
    assertThatThrownBy(() -> RankerSettings.builder().set("rounds", "2.7"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rounds=2.7: expected a whole number in [1, 10000]");
    assertThatThrownBy(() -> RankerSettings.builder().set("persistence", "3.0"))
        .hasMessage("persistence=3.0: expected a whole number in [1, 100000]");
  }

  @Test
  void numbersAreStrict() {
    for (String bad :
        new String[] {"1d", "2f", "0x1p3", "NaN", "Infinity", "", " ", "1,5", "1_0"}) {
      assertThatThrownBy(() -> RankerSettings.builder().set("graphWeight", bad))
          .as(bad)
          .hasMessage("graphWeight=" + bad + ": expected a number >= 0");
    }
  }

  @Test
  void rangesAreNamedWithTheValue() {
    assertThatThrownBy(() -> RankerSettings.builder().set("damping", "1"))
        .hasMessage("damping=1: expected a number in (0, 1)");
    assertThatThrownBy(() -> RankerSettings.builder().set("onsetDecay", "0"))
        .hasMessage("onsetDecay=0: expected a number in (0, 1]");
    assertThatThrownBy(() -> RankerSettings.builder().set("rounds", "2147483648"))
        .hasMessage("rounds=2147483648: expected a whole number in [1, 10000]");
    assertThatThrownBy(() -> RankerSettings.builder().set("onsetThreshold", "0"))
        .hasMessage("onsetThreshold=0: expected a number > 0");
  }

  @Test
  void theBuilderAndTheRecordCheckTheSameRanges() {
    assertThatThrownBy(() -> RankerSettings.builder().rounds(0).build())
        .hasMessage("rounds=0: expected a whole number in [1, 10000]");
    assertThatThrownBy(() -> RankerSettings.builder().damping(Double.NaN).build())
        .hasMessage("damping=NaN: expected a number in (0, 1)");
    assertThatThrownBy(() -> RankerSettings.DEFAULTS.toBuilder().resourceWeight(-1).build())
        .hasMessage("resourceWeight=-1.0: expected a number > 0");
  }

  @Test
  void anUnknownNameListsTheKnownOnes() {
    assertThatThrownBy(() -> RankerSettings.builder().set("round", "3"))
        .hasMessage(
            "unknown ranker setting 'round'; expected one of onsetThreshold, damping, rounds,"
                + " backwardWeight, deviationWeight, graphWeight, onsetDecay, explainWeight,"
                + " persistence, resourceWeight");
  }

  @Test
  void toBuilderKeepsEveryValue() {
    RankerSettings s = RankerSettings.builder().rounds(7).graphWeight(3).build();
    assertThat(s.toBuilder().build()).isEqualTo(s);
  }
}
