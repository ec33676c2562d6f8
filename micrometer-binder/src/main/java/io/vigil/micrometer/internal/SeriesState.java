package io.vigil.micrometer.internal;

import io.vigil.detect.AnomalyDetector;
import io.vigil.micrometer.Signal;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What the registry keeps for one watched series: a detector per signal, made when the signal first
 * appears and dropped together when the series stays idle past its expiry.
 */
final class SeriesState {

  private static final Signal[] SIGNALS = Signal.values();

  private @Nullable AnomalyDetector @Nullable [] detectors;
  long lastActiveMillis;
  long lastSeenMillis;

  /**
   * Whether the series went idle past its expiry and gave its detectors back: it is counted once
   * and its idle values are not fed again until it is active.
   */
  boolean expired;

  /** The error-ratio unit of the series' meter, read from its tags once; null if it has none. */
  @Nullable ErrorKey errorKey;

  /** Whether the meter's status or outcome tag reports a server error. */
  boolean serverError;

  boolean errorKeyRead;

  SeriesState(long nowMillis) {
    this.lastActiveMillis = nowMillis;
    this.lastSeenMillis = nowMillis;
  }

  /** The detector of this signal, made on first use. */
  AnomalyDetector detector(Signal signal, Supplier<AnomalyDetector> factory) {
    @Nullable AnomalyDetector[] all = detectors;
    if (all == null) {
      all = new AnomalyDetector[SIGNALS.length];
      detectors = all;
    }
    AnomalyDetector detector = all[signal.ordinal()];
    if (detector == null) {
      detector = factory.get();
      all[signal.ordinal()] = detector;
    }
    return detector;
  }

  /** Forgets the detector of one signal, as after it threw; the next value starts a fresh one. */
  void forget(Signal signal) {
    if (detectors != null) {
      detectors[signal.ordinal()] = null;
    }
  }

  /** Whether any detector state is held. */
  boolean holdsState() {
    return detectors != null;
  }

  /** Forgets every detector; the next signal starts a fresh one that warms up again. */
  void forget() {
    detectors = null;
  }
}
