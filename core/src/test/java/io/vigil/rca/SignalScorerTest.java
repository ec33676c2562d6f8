package io.vigil.rca;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignalScorerTest {

  private static MetricSeries series(String signal, double... values) {
    long[] t = new long[values.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = i * 1000L;
    }
    return new MetricSeries("svc", signal, t, values);
  }

  @Test
  void baroScoresTheUpwardPeakInIqrsAndTakesAZeroIqrAsOne() {
    MetricSeries s = series("cpu", 1, 2, 3, 4, 5, 9, 0);
    SignalEvidence e = SignalScorer.baro().score(s, 5000, Long.MAX_VALUE);
    assertThat(e.normalMedian()).isEqualTo(3.0);
    assertThat(e.normalSpread()).isEqualTo(2.0);
    assertThat(e.deviation()).isEqualTo(3.0);
    assertThat(e.peak()).isEqualTo(9.0);
    assertThat(e.onsetMillis()).isEqualTo(5000);

    SignalEvidence flat =
        SignalScorer.baro().score(series("mem", 7, 7, 7, 10), 3000, Long.MAX_VALUE);
    assertThat(flat.deviation()).isEqualTo(3.0);
  }

  @Test
  void nsigmaUsesTheMeanAndPopulationStandardDeviation() {
    SignalEvidence e =
        SignalScorer.nsigma().score(series("cpu", 1, 3, 1, 3, 8), 4000, Long.MAX_VALUE);
    assertThat(e.normalMedian()).isEqualTo(2.0);
    assertThat(e.normalSpread()).isEqualTo(1.0);
    assertThat(e.deviation()).isEqualTo(6.0);
  }

  @Test
  void vigilFallsBackFromRoundingNoiseIqrToTheStandardDeviation() {
    // An IQR of ~1e-18 from float noise must not turn an ordinary value into a 1e16 deviation.
    double tiny = 0.00496;
    MetricSeries s = series("latency", tiny, tiny + 1e-18, tiny, tiny, 0.45, tiny, tiny, 0.45);
    SignalEvidence e = SignalScorer.robust(3, 1).score(s, 7000, Long.MAX_VALUE);
    assertThat(e.deviation()).isLessThan(5.0);
  }

  @Test
  void vigilTreatsAFallingSuccessRateAsTheBadDirection() {
    MetricSeries s = series("PodSuccessRate(%)", 100, 100, 99, 100, 100, 40);
    SignalEvidence e = SignalScorer.robust(3, 1).score(s, 5000, Long.MAX_VALUE);
    assertThat(e.deviation()).isGreaterThan(3.0);
    assertThat(e.onsetMillis()).isEqualTo(5000);
  }

  @Test
  void ignoresNanAndReportsNoOnsetWhenNothingMoved() {
    MetricSeries s = series("cpu", 10, Double.NaN, 10.5, 9.5, 10, Double.NaN);
    SignalEvidence e = SignalScorer.robust(3, 1).score(s, 4000, Long.MAX_VALUE);
    assertThat(e.moved()).isFalse();
    assertThat(e.deviation()).isLessThan(3.0);
  }

  @Test
  void persistenceIgnoresASingleSpikeButNotASustainedShift() {
    MetricSeries spike = series("p99", 1, 2, 1, 2, 1, 2, 50, 2, 1);
    MetricSeries shift = series("p99", 1, 2, 1, 2, 1, 2, 50, 48, 51);
    SignalScorer scorer = SignalScorer.robust(3, 3);
    assertThat(scorer.score(spike, 6000, Long.MAX_VALUE).deviation()).isLessThan(1.0);
    SignalEvidence sustained = scorer.score(shift, 6000, Long.MAX_VALUE);
    assertThat(sustained.deviation()).isEqualTo(46.5);
    assertThat(sustained.peak()).isEqualTo(48.0);
    assertThat(sustained.onsetMillis()).isEqualTo(6000);
  }

  @Test
  void tellsResourceSignalsFromSymptoms() {
    assertThat(SignalScorer.isResource("CpuUsageRate(%)")).isTrue();
    assertThat(SignalScorer.isResource("MemoryUsage(Mi)")).isTrue();
    assertThat(SignalScorer.isResource("carts_cpu")).isTrue();
    assertThat(SignalScorer.isResource("orders_mem")).isTrue();
    assertThat(SignalScorer.isResource("PodServerLatencyP90(s)")).isFalse();
    assertThat(SignalScorer.isResource("PodSuccessRate(%)")).isFalse();
    assertThat(SignalScorer.isResource("NetworkReceiveBytes")).isFalse();
    assertThat(SignalScorer.isResource("memcached_latency")).isFalse();
    assertThat(SignalScorer.isResource("cpuset-controller_errors")).isFalse();
    assertThat(SignalScorer.isResource("process.cpu.usage")).isTrue();
    assertThat(SignalScorer.isResource("jvm.memory.used")).isTrue();
  }
}
