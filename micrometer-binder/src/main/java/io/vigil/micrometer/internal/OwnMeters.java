package io.vigil.micrometer.internal;

import io.micrometer.core.instrument.Meter;

/** Recognises the registry's own meters, which are always kept and never watched. */
public final class OwnMeters {

  /** The prefix of every meter the registry records about itself. */
  public static final String PREFIX = "vigil.anomaly.";

  private OwnMeters() {}

  /** Whether this id names one of the registry's own meters. */
  public static boolean isOwn(Meter.Id id) {
    return id.getName().startsWith(PREFIX);
  }
}
