package io.vigil.micrometer.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.vigil.micrometer.Signal;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Reads the signals of a step meter for the step that just ended: counters give a rate; timers and
 * summaries a rate, mean, max and, when they publish it, a percentile; gauges a value.
 */
public final class SignalReader {

  private final double percentile;

  /** Creates a reader that looks for this percentile among published ones. */
  public SignalReader(double percentile) {
    this.percentile = percentile;
  }

  /**
   * Sends the meter's signals to the sink.
   *
   * @return the number of events the meter counted in the step, or NaN for meters that count
   *     nothing (gauges)
   */
  public double read(Meter meter, double stepSeconds, SignalSink sink) {
    if (meter instanceof Timer timer) {
      HistogramSnapshot snapshot = timer.takeSnapshot();
      return distribution(snapshot, TimeUnit.SECONDS, stepSeconds, sink);
    }
    if (meter instanceof DistributionSummary summary) {
      return distribution(summary.takeSnapshot(), null, stepSeconds, sink);
    }
    if (meter instanceof Counter counter) {
      return rate(counter.count(), stepSeconds, sink);
    }
    if (meter instanceof FunctionCounter counter) {
      return rate(counter.count(), stepSeconds, sink);
    }
    if (meter instanceof FunctionTimer timer) {
      double count = rate(timer.count(), stepSeconds, sink);
      if (count > 0) {
        sink.accept(Signal.MEAN, timer.mean(TimeUnit.SECONDS), true);
      }
      return count;
    }
    if (meter instanceof LongTaskTimer timer) {
      int active = timer.activeTasks();
      sink.accept(Signal.VALUE, active, true);
      if (active > 0) {
        sink.accept(Signal.MAX, timer.max(TimeUnit.SECONDS), true);
      }
      return active;
    }
    if (meter instanceof TimeGauge gauge) {
      sink.accept(Signal.VALUE, gauge.value(TimeUnit.SECONDS), true);
      return Double.NaN;
    }
    if (meter instanceof Gauge gauge) {
      sink.accept(Signal.VALUE, gauge.value(), false);
      return Double.NaN;
    }
    return Double.NaN;
  }

  private static double rate(double count, double stepSeconds, SignalSink sink) {
    sink.accept(Signal.RATE, count / stepSeconds, true);
    return count;
  }

  private double distribution(
      HistogramSnapshot snapshot, @Nullable TimeUnit unit, double stepSeconds, SignalSink sink) {
    long count = snapshot.count();
    sink.accept(Signal.RATE, count / stepSeconds, true);
    if (count == 0) {
      return 0;
    }
    sink.accept(Signal.MEAN, unit == null ? snapshot.mean() : snapshot.mean(unit), true);
    sink.accept(Signal.MAX, unit == null ? snapshot.max() : snapshot.max(unit), true);
    for (ValueAtPercentile value : snapshot.percentileValues()) {
      if (Math.abs(value.percentile() - percentile) < 1e-9) {
        sink.accept(Signal.PERCENTILE, unit == null ? value.value() : value.value(unit), true);
        break;
      }
    }
    return count;
  }
}
