package io.vigil.micrometer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.util.internal.logging.WarnThenDebugLogger;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vigil.detect.AnomalyDetector;
import io.vigil.detect.DetectorCounts;
import io.vigil.detect.Verdict;
import io.vigil.micrometer.AnomalyEvent;
import io.vigil.micrometer.Signal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One step's engine, with detectors that misbehave. */
class StepDetectionTest {

  private final AnomalyStats stats = new AnomalyStats();
  private final List<String> values = new ArrayList<>();
  private final List<AnomalyEvent> anomalies = new ArrayList<>();

  private final StepOutput output =
      new StepOutput() {
        @Override
        public boolean wantsSignals() {
          return true;
        }

        @Override
        public void signal(Meter.Id id, Signal signal, long stepEndMillis, double value) {
          values.add(id.getName() + " " + value);
        }

        @Override
        public void anomaly(AnomalyEvent event) {
          anomalies.add(event);
        }
      };

  /** Throws on values above 1,000, calls everything else an anomaly. */
  private static final class FragileDetector implements AnomalyDetector {
    @Override
    public Verdict update(long timestampMillis, double value) {
      if (value > 1_000) {
        throw new ArithmeticException("overflow on " + value);
      }
      return Verdict.scored(1, true, 0, 0, 0);
    }

    @Override
    public DetectorCounts counts() {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void aDetectorThatThrowsIsCountedStartsAfreshAndTheStepGoesOn() {
    List<AnomalyDetector> made = new ArrayList<>();
    StepDetection detection =
        new StepDetection(
            () -> {
              AnomalyDetector detector = new FragileDetector();
              made.add(detector);
              return detector;
            },
            Set.of(Signal.VALUE),
            0.99,
            "service",
            600_000,
            stats,
            output,
            new WarnThenDebugLogger(StepDetectionTest.class),
            new WarnThenDebugLogger(StepDetectionTest.class));
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    AtomicReference<Double> huge = new AtomicReference<>(Double.MAX_VALUE);
    List<Meter> meters =
        List.of(
            Gauge.builder("a.huge", huge, AtomicReference::get).register(registry),
            Gauge.builder("b.small", () -> 1).register(registry));

    detection.run(60_000, 60, meters);

    assertThat(stats.detectorFailures.get()).isEqualTo(1);
    assertThat(anomalies).extracting(AnomalyEvent::name).containsExactly("b.small");
    assertThat(values).as("the value still reaches the listener").hasSize(2);
    assertThat(made).hasSize(2);

    huge.set(5.0);
    detection.run(120_000, 60, meters);

    assertThat(made).as("a fresh detector for the signal that threw").hasSize(3);
    assertThat(stats.detectorFailures.get()).isEqualTo(1);
  }
}
