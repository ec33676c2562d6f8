package io.vigil.detect;

/** Why a detector answered a point the way it did. */
public enum VerdictReason {
  /** The point was scored against the detector's model. */
  SCORED,
  /** The detector has not seen enough points to score yet. */
  WARMING_UP,
  /** The history has no variation, so no deviation can be measured. */
  NO_VARIATION,
  /** The value was NaN or infinite: counted, skipped, state unchanged. */
  INVALID_VALUE,
  /** The timestamp was earlier than the last accepted one: counted, skipped, state unchanged. */
  OUT_OF_ORDER
}
