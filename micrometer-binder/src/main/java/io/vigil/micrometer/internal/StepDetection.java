package io.vigil.micrometer.internal;

import io.micrometer.common.util.internal.logging.WarnThenDebugLogger;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.vigil.detect.AnomalyDetector;
import io.vigil.detect.Verdict;
import io.vigil.micrometer.AnomalyEvent;
import io.vigil.micrometer.Signal;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The work of one publish: reads every watched meter's signals for the step that ended, feeds each
 * to its own detector, sums server errors per meter name and service, reports anomalies, and
 * forgets the detector state of series idle past their expiry.
 *
 * <p>Memory is one small record per held meter plus the detectors of the signals it produced; both
 * are bounded by the registry's series cap. Not thread-safe: the registry calls it under a lock.
 */
public final class StepDetection {

  private final Supplier<AnomalyDetector> detectorFactory;
  private final Set<Signal> signals;
  private final SignalReader reader;
  private final String serviceTag;
  private final long expiryMillis;
  private final AnomalyStats stats;
  private final Consumer<AnomalyEvent> events;
  private final WarnThenDebugLogger meterLogger;

  private final Map<Meter, SignalDetectors> series = new IdentityHashMap<>();
  private final Map<ErrorKey, ErrorTally> errors = new HashMap<>();
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
   * @param events receives each anomaly
   * @param meterLogger logs a meter that could not be read
   */
  public StepDetection(
      Supplier<AnomalyDetector> detectorFactory,
      Set<Signal> signals,
      double percentile,
      String serviceTag,
      long expiryMillis,
      AnomalyStats stats,
      Consumer<AnomalyEvent> events,
      WarnThenDebugLogger meterLogger) {
    this.detectorFactory = detectorFactory;
    this.signals = signals.isEmpty() ? EnumSet.noneOf(Signal.class) : EnumSet.copyOf(signals);
    this.reader = new SignalReader(percentile);
    this.serviceTag = serviceTag;
    this.expiryMillis = expiryMillis;
    this.stats = stats;
    this.events = events;
    this.meterLogger = meterLogger;
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
    SignalDetectors detectors = series.computeIfAbsent(meter, m -> new SignalDetectors(now));
    detectors.lastSeenMillis = now;
    Meter.Id id = meter.getId();
    sawFiniteValue = false;
    double count =
        reader.read(
            meter,
            stepSeconds,
            (signal, value, nonNegative) -> {
              if (accepted(value, nonNegative)) {
                sawFiniteValue = true;
                if (signals.contains(signal)) {
                  detect(detectors, id, signal, now, value);
                }
              }
            });
    boolean active = Double.isNaN(count) ? sawFiniteValue : count > 0;
    if (active) {
      detectors.lastActiveMillis = now;
    }
    if (count > 0) {
      if (!detectors.errorKeyRead) {
        detectors.errorKey = errorKey(id);
        detectors.serverError = ErrorTally.isServerError(id.getTag("outcome"), id.getTag("status"));
        detectors.errorKeyRead = true;
      }
      if (detectors.errorKey != null) {
        tallyErrors(detectors.errorKey, detectors.serverError, count, now);
      }
    }
  }

  private boolean accepted(double value, boolean nonNegative) {
    if (!Double.isFinite(value)) {
      stats.skippedInvalid.incrementAndGet();
      return false;
    }
    if (nonNegative && value < 0) {
      stats.skippedNegative.incrementAndGet();
      return false;
    }
    return true;
  }

  private void detect(
      SignalDetectors detectors, Meter.Id id, Signal signal, long now, double value) {
    Verdict verdict = detectors.detector(signal, detectorFactory).update(now, value);
    if (verdict.anomaly()) {
      stats.detected.incrementAndGet();
      events.accept(new AnomalyEvent(id, signal, now, value, verdict));
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
    if (!signals.contains(Signal.ERROR_RATIO)) {
      return;
    }
    for (ErrorTally tally : errors.values()) {
      if (tally.total <= 0) {
        continue;
      }
      tally.detectors.lastActiveMillis = now;
      detect(tally.detectors, tally.id, Signal.ERROR_RATIO, now, tally.errors / tally.total);
    }
  }

  private Meter.Id errorRatioId(ErrorKey key) {
    Tags tags = key.service().isEmpty() ? Tags.empty() : Tags.of(serviceTag, key.service());
    return new Meter.Id(key.name(), tags, null, "server error ratio", Meter.Type.OTHER);
  }

  private void sweep(long now) {
    Iterator<SignalDetectors> it = series.values().iterator();
    while (it.hasNext()) {
      SignalDetectors detectors = it.next();
      if (detectors.lastSeenMillis != now) {
        it.remove(); // the meter left the registry
      } else if (detectors.holdsState() && now - detectors.lastActiveMillis >= expiryMillis) {
        detectors.forget();
        stats.expired.incrementAndGet();
      }
    }
    Iterator<ErrorTally> tallies = errors.values().iterator();
    while (tallies.hasNext()) {
      if (now - tallies.next().detectors.lastActiveMillis >= expiryMillis) {
        tallies.remove();
        stats.expired.incrementAndGet();
      }
    }
  }
}
