package io.vigil.detect;

/**
 * A detector's answer for one point.
 *
 * @param score anomaly score in [0, 1]; 0 when the detector could not decide
 * @param anomaly whether the detector calls the point an anomaly
 * @param expected the value the detector expected, NaN when it has no expectation
 * @param lower lower edge of the normal band, NaN when it has none
 * @param upper upper edge of the normal band, NaN when it has none
 * @param reason why the detector answered this way
 */
public record Verdict(
    double score,
    boolean anomaly,
    double expected,
    double lower,
    double upper,
    VerdictReason reason) {

  private static final Verdict WARMING_UP = undecided(VerdictReason.WARMING_UP);
  private static final Verdict INVALID_VALUE = undecided(VerdictReason.INVALID_VALUE);
  private static final Verdict OUT_OF_ORDER = undecided(VerdictReason.OUT_OF_ORDER);

  /** Checks the score's range and that a decision comes only with a score. */
  public Verdict {
    if (!(score >= 0.0 && score <= 1.0)) {
      throw new IllegalArgumentException("score must be in [0, 1] but was " + score);
    }
    if (anomaly && reason != VerdictReason.SCORED) {
      throw new IllegalArgumentException("an anomaly must be SCORED but was " + reason);
    }
  }

  /** A scored point. */
  public static Verdict scored(
      double score, boolean anomaly, double expected, double lower, double upper) {
    return new Verdict(score, anomaly, expected, lower, upper, VerdictReason.SCORED);
  }

  /** A point the detector could not score, with the reason. */
  public static Verdict undecided(VerdictReason reason) {
    return new Verdict(0.0, false, Double.NaN, Double.NaN, Double.NaN, reason);
  }

  /** A point seen while the detector is warming up (shared instance). */
  public static Verdict warmingUp() {
    return WARMING_UP;
  }

  /** A NaN or infinite value (shared instance). */
  public static Verdict invalidValue() {
    return INVALID_VALUE;
  }

  /** A point earlier than the last accepted one (shared instance). */
  public static Verdict outOfOrder() {
    return OUT_OF_ORDER;
  }

  /** Whether the point was scored, as opposed to skipped or not yet decidable. */
  public boolean decided() {
    return reason == VerdictReason.SCORED;
  }
}
