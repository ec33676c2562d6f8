package io.vigil.micrometer.internal;

import io.micrometer.core.instrument.Meter;
import org.jspecify.annotations.Nullable;

/** Requests and server errors of one {@link ErrorKey} summed over its meters for one step. */
final class ErrorTally {

  final Meter.Id id;
  final SeriesState detectors;
  double total;
  double errors;

  ErrorTally(Meter.Id id, long nowMillis) {
    this.id = id;
    this.detectors = new SeriesState(nowMillis);
  }

  /** Whether a tag value reports a server error: outcome {@code SERVER_ERROR} or a 5xx status. */
  static boolean isServerError(@Nullable String outcome, @Nullable String status) {
    if (outcome != null) {
      return outcome.equals("SERVER_ERROR");
    }
    return status != null && status.length() == 3 && status.charAt(0) == '5';
  }
}
