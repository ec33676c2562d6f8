package io.vigil.cli.internal.nab;

/**
 * NAB's weighting of a detection by its position relative to a window (nab/sweeper.py {@code
 * scaledSigmoid}): {@code 2 * sigmoid(-5 * p) - 1}, and -1 for {@code p > 3}.
 *
 * <p>{@code p = -1} is a window's left edge (0.98661), {@code p = 0} its right edge (0), and {@code
 * p = 1} one window width past it (-0.98661).
 */
final class ScaledSigmoid {

  /** The value at a window's left edge, by which NAB divides true positives so that edge is 1. */
  static final double MAX_TP = of(-1.0);

  private ScaledSigmoid() {}

  static double of(double position) {
    if (position > 3.0) {
      return -1.0;
    }
    return 2.0 * sigmoid(-5.0 * position) - 1.0;
  }

  private static double sigmoid(double x) {
    return 1.0 / (1.0 + Math.exp(-x));
  }
}
