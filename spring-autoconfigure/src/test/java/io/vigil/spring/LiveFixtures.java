package io.vigil.spring;

import io.vigil.live.LiveIncidentAnalyzer;

/** Drives a live analyzer through one incident: a steady signal, then a jump, then quiet. */
public final class LiveFixtures {

  private LiveFixtures() {}

  /**
   * Feeds 40 steady one-second points of {@code signal} to each service, then 4 points far above,
   * then advances a minute so that the incident settles; the first service jumps first in rank.
   */
  public static void spike(LiveIncidentAnalyzer analyzer, String signal, String... services) {
    long t = 1_000_000L;
    for (int i = 0; i < 40; i++, t += 1000) {
      for (int s = 0; s < services.length; s++) {
        analyzer.onSignal(services[s], signal, t, 10 * (s + 1) + (i % 3) * 0.2);
      }
    }
    for (int i = 0; i < 4; i++, t += 1000) {
      for (int s = 0; s < services.length; s++) {
        analyzer.onSignal(services[s], signal, t, 800 + 20 * s);
      }
    }
    analyzer.advance(t + 60_000);
  }
}
