package io.vigil.rca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

class EventImpactTest {

  @Test
  void comparesTheWindowsBeforeAndAfterTheEvent() {
    long[] t = {0, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 99_000};
    double[] v = {10, 12, 11, 13, 20, 22, 21, 23, 1000};
    MetricSeries s = new MetricSeries("svc", "latency", t, v);

    EventImpact impact = EventImpact.of(s, 4000, 4000);

    assertThat(impact.beforeMean()).isEqualTo(11.5);
    assertThat(impact.afterMean()).isEqualTo(21.5);
    assertThat(impact.percentChange()).isCloseTo(86.956, within(1e-3));
    assertThat(impact.beforeCount()).isEqualTo(4);
    assertThat(impact.afterCount()).isEqualTo(4);
    double welch = new TTest().tTest(new double[] {10, 12, 11, 13}, new double[] {20, 22, 21, 23});
    assertThat(impact.pValue()).isEqualTo(welch).isLessThan(0.001);
    assertThat(impact.significant(0.01)).isTrue();
  }

  @Test
  void hasNoPValueWithoutEnoughPoints() {
    MetricSeries s = new MetricSeries("svc", "x", new long[] {0, 10}, new double[] {0, 5});
    EventImpact impact = EventImpact.of(s, 10, 100);
    assertThat(impact.pValue()).isNaN();
    assertThat(impact.percentChange()).isNaN();
    assertThat(impact.significant(0.05)).isFalse();
  }
}
