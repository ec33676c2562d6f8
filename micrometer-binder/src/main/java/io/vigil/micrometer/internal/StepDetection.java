package io.vigil.micrometer.internal;

import io.micrometer.common.util.internal.logging.WarnThenDebugLogger;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.vigil.detect.AnomalyDetector;
import io.vigil.detect.Verdict;
import io.vigil.micrometer.AnomalyEvent;
import io.vigil.micrometer.Signal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The work of one publish: reads every watched meter's signals for the step that ended, feeds each
 * to its own detector, sums server errors per meter name and service, hands values and anomalies to
 * the output, and lets series idle past their expiry give their detector state back.
 *
 * <p>Memory is one small record per held meter plus the detectors of the signals it produced; both
 * are bounded by the registry's series cap. Not thread-safe: the registry calls it under a lock.
 */
public final class StepDetection {

  private static final Signal[] SIGNALS = Signal.values();

  private final Supplier<AnomalyDetector> detectorFactory;
  private final boolean[] watched = new boolean[SIGNALS.length];
  private final boolean watchesErrorRatio;
  private final SignalReader reader;
  private final String serviceTag;
  private final long expiryMillis;
  private final AnomalyStats stats;
  private final StepOutput output;
  private final WarnThenDebugLogger meterLogger;
  private final WarnThenDebugLogger detectorLogger;

  private final Map<Meter, SeriesState> series = new IdentityHashMap<>();
  private final Map<ErrorKey, ErrorTally> errors = new HashMap<>();
  private final double[] values = new double[SIGNALS.length];
  private final boolean[] present = new boolean[SIGNALS.length];
  private final SignalSink collect = this::collect;
  private long lastStepMillis = Long.MIN_VALUE;
  private boolean sawFiniteValue;

  /**
   * Creates the step's engine.
   *
   * @param detectorFactory makes one fresh detector per signal
   * @param signals the signals fed to detectors; others are read but not watched
   * @param percentile the percentile read from meters that publish it
   * @param serviceTag the tag naming the service of an error ratio
   * @param expiryMillis how long a series may stay idle before its detectors are forgotten
   * @param stats where counts are kept
   * @param output receives each watched value and each anomaly
   * @param meterLogger logs a meter that could not be read
   * @param detectorLogger logs a detector that threw
   */
  public StepDetection(
      Supplier<AnomalyDetector> detectorFactory,
      Set<Signal> signals,
      double percentile,
      String serviceTag,
      long expiryMillis,
      AnomalyStats stats,
      StepOutput output,
      WarnThenDebugLogger meterLogger,
      WarnThenDebugLogger detectorLogger) {
    this.detectorFactory = detectorFactory;
    for (Signal signal : signals) {
      watched[signal.ordinal()] = true;
    }
    this.watchesErrorRatio = signals.contains(Signal.ERROR_RATIO);
    this.reader = new SignalReader(percentile);
    this.serviceTag = serviceTag;
    this.expiryMillis = expiryMillis;
    this.stats = stats;
    this.output = output;
    this.meterLogger = meterLogger;
    this.detectorLogger = detectorLogger;
  }

  /**
   * Runs detection for the step ending at {@code stepEndMillis}; a step already run is skipped.
   *
   * @return whether the step was run
   */
  public boolean run(long stepEndMillis, double stepSeconds, List<Meter> meters) {
    if (stepEndMillis <= lastStepMillis) {
      return false;
    }
    lastStepMillis = stepEndMillis;
    for (ErrorTally tally : errors.values()) {
      tally.total = 0;
      tally.errors = 0;
    }
    for (Meter meter : meters) {
      if (OwnMeters.isOwn(meter.getId())) {
        continue;
      }
      try {
        observe(meter, stepEndMillis, stepSeconds);
      } catch (RuntimeException e) {
        meterLogger.log(
            () -> "Vigil could not read meter " + meter.getId() + "; it is skipped this step", e);
      }
    }
    detectErrorRatios(stepEndMillis);
    sweep(stepEndMillis);
    return true;
  }

  private void observe(Meter meter, long now, double stepSeconds) {
    SeriesState state = series.computeIfAbsent(meter, m -> new SeriesState(now));
    state.lastSeenMillis = now;
    Meter.Id id = meter.getId();
    Arrays.fill(present, false);
    sawFiniteValue = false;
    double count = reader.read(meter, stepSeconds, collect);
    boolean active = Double.isNaN(count) ? sawFiniteValue : count > 0;
    if (active) {
      state.lastActiveMillis = now;
      state.expired = false;
    }
    for (Signal signal : SIGNALS) {
      int i = signal.ordinal();
      if (present[i] && watched[i]) {
        emit(state, id, signal, now, values[i]);
      }
    }
    if (count > 0) {
      if (!state.errorKeyRead) {
        state.errorKey = errorKey(id);
        state.serverError = ErrorTally.isServerError(id.getTag("outcome"), id.getTag("status"));
        state.errorKeyRead = true;
      }
      if (state.errorKey != null) {
        tallyErrors(state.errorKey, state.serverError, count, now);
      }
    }
  }

  private void collect(Signal signal, double value, boolean nonNegative) {
    if (!Double.isFinite(value)) {
      stats.skippedInvalid.incrementAndGet();
    } else if (nonNegative && value < 0) {
      stats.skippedNegative.incrementAndGet();
    } else {
      sawFiniteValue = true;
      present[signal.ordinal()] = true;
      values[signal.ordinal()] = value;
    }
  }

  /** Hands the value on and, unless the series sits idle past its expiry, feeds its detector. */
  private void emit(SeriesState state, Meter.Id id, Signal signal, long now, double value) {
    if (output.wantsSignals()) {
      output.signal(id, signal, now, value);
    }
    if (state.expired) {
      return;
    }
    Verdict verdict;
    try {
      verdict = state.detector(signal, detectorFactory).update(now, value);
    } catch (RuntimeException e) {
      state.forget(signal);
      stats.detectorFailures.incrementAndGet();
      detectorLogger.log(
          () ->
              "The detector of "
                  + id
                  + " "
                  + signal.tagValue()
                  + " threw on the value "
                  + value
                  + "; it starts afresh and the step goes on",
          e);
      return;
    }
    if (verdict.anomaly()) {
      stats.detected.incrementAndGet();
      output.anomaly(new AnomalyEvent(id, signal, now, value, verdict));
    }
  }

  private @Nullable ErrorKey errorKey(Meter.Id id) {
    if (id.getTag("outcome") == null && id.getTag("status") == null) {
      return null;
    }
    String service = id.getTag(serviceTag);
    return new ErrorKey(id.getName(), service == null ? "" : service);
  }

  private void tallyErrors(ErrorKey key, boolean serverError, double count, long now) {
    ErrorTally tally = errors.computeIfAbsent(key, k -> new ErrorTally(errorRatioId(k), now));
    tally.total += count;
    if (serverError) {
      tally.errors += count;
    }
  }

  private void detectErrorRatios(long now) {
    if (!watchesErrorRatio) {
      return;
    }
    for (ErrorTally tally : errors.values()) {
      if (tally.total <= 0) {
        continue;
      }
      tally.detectors.lastActiveMillis = now;
      emit(tally.detectors, tally.id, Signal.ERROR_RATIO, now, tally.errors / tally.total);
    }
  }

  private Meter.Id errorRatioId(ErrorKey key) {
    Tags tags = key.service().isEmpty() ? Tags.empty() : Tags.of(serviceTag, key.service());
    return new Meter.Id(key.name(), tags, null, "server error ratio", Meter.Type.OTHER);
  }

  private void sweep(long now) {
    Iterator<SeriesState> it = series.values().iterator();
    while (it.hasNext()) {
      SeriesState state = it.next();
      if (state.lastSeenMillis != now) {
        it.remove(); // the meter left the registry
      } else if (!state.expired && now - state.lastActiveMillis >= expiryMillis) {
        state.expired = true;
        if (state.holdsState()) {
          state.forget();
          stats.expired.incrementAndGet();
        }
      }
    }
    // An error-ratio unit is derived from its meters' tags: it goes when idle, uncounted, and
    // comes back with the next request.
    errors.values().removeIf(tally -> now - tally.detectors.lastActiveMillis >= expiryMillis);
  }
}
