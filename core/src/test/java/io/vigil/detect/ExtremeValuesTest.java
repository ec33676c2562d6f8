package io.vigil.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every detector of the catalog takes any finite double and recovers once it has forgotten it. */
class ExtremeValuesTest {

  private static final long HOUR = 3_600_000L;

  /** Each catalog detector at its defaults, with how many points it remembers an outlier for. */
  static Stream<Arguments> detectors() {
    return Stream.of(
        Arguments.of("default", 3_100),
        Arguments.of("lean", 2_100),
        Arguments.of("zscore", 100),
        Arguments.of("ewma", 50),
        Arguments.of("seasonal", 0),
        Arguments.of("windowed-gaussian", 6_500));
  }

  private static Supplier<AnomalyDetector> detector(String name) {
    return DetectorCatalog.get(name).configure(Map.of());
  }

  @ParameterizedTest
  @MethodSource("detectors")
  void everyExtremeFiniteValueIsScoredWithoutNaN(String name, int memory) {
    AnomalyDetector detector = detector(name).get();
    Random random = new Random(1);
    List<Double> values = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      values.add(10 + random.nextGaussian());
    }
    double[] extremes = {
      Double.MAX_VALUE, -Double.MAX_VALUE, 1e155, -1e155, 1e-300, -1e-300, Double.MIN_VALUE, 0
    };
    for (double extreme : extremes) {
      values.add(extreme);
      values.add(10.0);
    }
    // Sustained: alternating signs at the largest double, then near it, then tiny values.
    for (int i = 0; i < 300; i++) {
      values.add(i % 2 == 0 ? Double.MAX_VALUE : -Double.MAX_VALUE);
    }
    for (int i = 0; i < 300; i++) {
      values.add(Double.MAX_VALUE * (0.9 + 0.05 * Math.min(2, random.nextGaussian())));
    }
    for (int i = 0; i < 300; i++) {
      values.add(1e155 * (1 + 0.1 * random.nextGaussian()));
    }
    for (int i = 0; i < 300; i++) {
      values.add(1e-300 * (1 + 0.1 * random.nextGaussian()));
    }
    long t = 0;
    for (double value : values) {
      Verdict verdict = detector.update(t, value);
      t += HOUR;
      assertThat(verdict.score()).as("%s at %s", name, value).isBetween(0.0, 1.0);
      assertThat(verdict.expected()).isNotEqualTo(Double.POSITIVE_INFINITY);
      assertThat(verdict.lower()).isNotEqualTo(Double.NEGATIVE_INFINITY);
      assertThat(verdict.upper()).isNotEqualTo(Double.POSITIVE_INFINITY);
    }
    assertThat(detector.counts().accepted()).isEqualTo(values.size());
  }

  @ParameterizedTest
  @MethodSource("detectors")
  void judgementComesBackOnceAHugeOutlierIsForgotten(String name, int memory) {
    for (double outlier : new double[] {1e10, 1e155, Double.MAX_VALUE, -Double.MAX_VALUE}) {
      AnomalyDetector detector = detector(name).get();
      Random random = new Random(2);
      long t = 0;
      for (int i = 0; i < 2_000; i++) {
        detector.update(t++ * HOUR, 10 + random.nextGaussian());
      }
      detector.update(t++ * HOUR, outlier);
      for (int i = 0; i < memory + 50; i++) {
        detector.update(t++ * HOUR, 10 + random.nextGaussian());
      }
      Verdict spike = detector.update(t * HOUR, 100);
      assertThat(spike.anomaly()).as("%s, %s points after %s", name, memory, outlier).isTrue();
    }
  }

  @ParameterizedTest
  @MethodSource("detectors")
  void aSpikeIsFoundAtEveryScale(String name, int memory) {
    // default and lean read a deviation below 1e-12 as no variation (their floor).
    double[] scales =
        name.equals("default") || name.equals("lean")
            ? new double[] {1e155, 1e306}
            : new double[] {1e-300, 1e155, 1e306};
    for (double scale : scales) {
      AnomalyDetector detector = detector(name).get();
      Random random = new Random(3);
      long t = 0;
      int alarms = 0;
      for (int i = 0; i < 7_000; i++) {
        if (detector.update(t++ * HOUR, scale * (10 + random.nextGaussian())).anomaly()) {
          alarms++;
        }
      }
      assertThat(alarms).as("%s alarms at scale %s", name, scale).isLessThan(70);
      assertThat(detector.update(t * HOUR, scale * 100).anomaly())
          .as("%s at scale %s", name, scale)
          .isTrue();
    }
  }
}
