package io.vigil.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  private static final long MILLIS = Instant.parse("2014-04-10T07:15:00Z").toEpochMilli();

  @Test
  void readsNabTimestampsAsUtcWithOrWithoutFraction() {
    assertThat(Timestamps.parseMillis("2014-04-10 07:15:00")).isEqualTo(MILLIS);
    assertThat(Timestamps.parseMillis("2014-04-10 07:15:00.000000")).isEqualTo(MILLIS);
    assertThat(Timestamps.parseMillis("2014-04-10 07:15:00.250")).isEqualTo(MILLIS + 250);
  }

  @Test
  void readsIso8601WithZoneOffsetOrNeither() {
    assertThat(Timestamps.parseMillis("2014-04-10T07:15:00Z")).isEqualTo(MILLIS);
    assertThat(Timestamps.parseMillis("2014-04-10T09:15:00+02:00")).isEqualTo(MILLIS);
    assertThat(Timestamps.parseMillis("2014-04-10T09:15:00+02:00[Europe/Paris]")).isEqualTo(MILLIS);
    assertThat(Timestamps.parseMillis("2014-04-10T07:15:00")).isEqualTo(MILLIS);
  }

  @Test
  void readsEpochMilliseconds() {
    assertThat(Timestamps.parseMillis(Long.toString(MILLIS))).isEqualTo(MILLIS);
    assertThat(Timestamps.parseMillis(" 0 ")).isZero();
  }

  @Test
  void rejectsAnythingElse() {
    for (String bad :
        new String[] {
          "",
          "yesterday",
          "2014-13-01 00:00:00",
          "2014-02-30 00:00:00",
          "2014-04-10 24:00:00",
          "2014-04-10",
          "1.5"
        }) {
      assertThatThrownBy(() -> Timestamps.parseMillis(bad))
          .as(bad)
          .isInstanceOf(DateTimeException.class);
    }
  }
}
