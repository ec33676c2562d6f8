package io.vigil.micrometer.internal;

import io.micrometer.core.instrument.Meter;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The running counts the anomaly-detecting registry reports about itself. */
public final class AnomalyStats {

  /** Anomalous signals reported to listeners. */
  public final AtomicLong detected = new AtomicLong();

  /** Meters currently held and watched, own meters excluded. */
  public final AtomicInteger watched = new AtomicInteger();

  /** Series refused because the series cap was reached, each counted once. */
  public final AtomicLong dropped = new AtomicLong();

  /** Series that went idle for the configured expiry, each counted once per idle spell. */
  public final AtomicLong expired = new AtomicLong();

  /** Signal values skipped because they were NaN or infinite. */
  public final AtomicLong skippedInvalid = new AtomicLong();

  /** Signal values skipped because a duration, rate or count was negative. */
  public final AtomicLong skippedNegative = new AtomicLong();

  /** Detector updates that threw; the signal's detector starts afresh. */
  public final AtomicLong detectorFailures = new AtomicLong();

  /** Listener calls that threw, anomaly listeners and the signal listener alike. */
  public final AtomicLong listenerFailures = new AtomicLong();

  /** Counts a meter added to (delta 1) or removed from (-1) the registry, unless it is Vigil's. */
  public void countWatched(Meter.Id id, int delta) {
    if (!OwnMeters.isOwn(id)) {
      watched.addAndGet(delta);
    }
  }
}
