package io.vigil.benchmarks.live;

import io.vigil.detect.AnomalyDetector;
import io.vigil.detect.DetectorCatalog;
import io.vigil.detect.Verdict;
import io.vigil.live.LiveIncidentAnalyzer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of feeding one signal value to the live analyzer ({@code analyzer}: {@code onSignal},
 * which finds the signal's history, stores the point in its ring buffers and runs the signal's
 * detector) against two baselines: {@code bareDetector}, the same detector type's {@code update}
 * alone on detectors held in an array, and {@code mappedDetector}, the same found first in a map by
 * service and signal name, as any per-signal detection must. Each operation is one value of the
 * next signal in turn (all {@code signals} of a step, then the next step), past the history's
 * warm-up, so the ring buffers wrap; average time per value.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
public class LiveFeedBenchmark {

  /** Signals per step: the analyzer's default cap, and a tenth of it. */
  @Param({"10000", "1000"})
  public int signals;

  /** Points of history kept per signal (the analyzer's default: 120). */
  @Param({"120"})
  public int history;

  private final Supplier<AnomalyDetector> detectors =
      DetectorCatalog.get("ewma").configure(Map.of());
  private SignalFixture fixture = new SignalFixture(1);
  private AnomalyDetector[] bare = new AnomalyDetector[0];
  private final Map<String, Map<String, AnomalyDetector>> mapped = new ConcurrentHashMap<>();
  private LiveIncidentAnalyzer analyzer;
  private long timestamp = SignalFixture.T0;
  private int index = -1;

  /** Fills every signal's history once, so that the measured steps wrap the ring buffers. */
  @Setup(Level.Trial)
  public void setUp() {
    fixture = new SignalFixture(signals);
    bare = new AnomalyDetector[signals];
    analyzer = LiveIncidentAnalyzer.builder().history(history).build();
    for (int i = 0; i < signals; i++) {
      bare[i] = detectors.get();
      mapped
          .computeIfAbsent(fixture.services[i], s -> new ConcurrentHashMap<>())
          .put(fixture.names[i], detectors.get());
    }
    for (int n = 0; n < 130 * signals; n++) {
      analyzer();
    }
    for (int n = 0; n < 130 * signals; n++) {
      bareDetector();
    }
    for (int n = 0; n < 130 * signals; n++) {
      mappedDetector();
    }
  }

  /** Closes the analyzer. */
  @TearDown(Level.Trial)
  public void tearDown() {
    // The figure is the feed's alone only if the noise raised no incident to rank: say so.
    System.err.println("analyzer counts: " + analyzer.counts());
    analyzer.close();
  }

  /** Baseline: one value to the signal's bare detector. */
  @Benchmark
  public Verdict bareDetector() {
    int i = nextSignal();
    return bare[i].update(timestamp, fixture.value(i));
  }

  /** Second baseline: the bare detector, found by service and signal as the analyzer finds it. */
  @Benchmark
  public Verdict mappedDetector() {
    int i = nextSignal();
    return mapped
        .get(fixture.services[i])
        .get(fixture.names[i])
        .update(timestamp, fixture.value(i));
  }

  /** One value through the analyzer's feed. */
  @Benchmark
  public void analyzer() {
    int i = nextSignal();
    analyzer.onSignal(fixture.services[i], fixture.names[i], timestamp, fixture.value(i));
  }

  /** The signals in turn, a new step after the last one. */
  private int nextSignal() {
    if (++index == signals) {
      index = 0;
      timestamp += SignalFixture.STEP_MILLIS;
    }
    return index;
  }
}
