package io.vigil.spring.internal;

import org.jspecify.annotations.Nullable;

/** Helpers for the endpoint's JSON: numbers JSON can carry. */
final class Json {

  private Json() {}

  /** The value, or null for NaN and infinities, which JSON has no number for. */
  static @Nullable Double number(double value) {
    return Double.isFinite(value) ? value : null;
  }
}
