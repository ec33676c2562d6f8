package io.vigil.live;

import io.vigil.rca.CallGraph;
import java.util.Random;

/**
 * A scripted cascade for the analyzer's tests: web-frontend -> user-service -> database, each with
 * a noisy latency signal and a steady request rate. From step {@code faultStep} the database turns
 * slow; its callers follow one step later each, and everything recovers after {@code faultSteps}.
 */
final class Cascade {

  static final long STEP = 60_000;
  static final long T0 = 1_700_000_000_000L;

  final CallGraph graph = new CallGraph();
  private final Random random = new Random(42);

  Cascade() {
    graph.recordCall("web-frontend", "user-service", 20, false);
    graph.recordCall("user-service", "database", 5, false);
    graph.recordCall("user-service", "database", 900, true);
  }

  static long at(int step) {
    return T0 + step * STEP;
  }

  /** Feeds steps {@code [from, to)}; the fault runs {@code faultSteps} from {@code faultStep}. */
  void feed(SignalListener listener, int from, int to, int faultStep, int faultSteps) {
    for (int step = from; step < to; step++) {
      long t = at(step);
      double db = slow(step, faultStep, faultSteps) ? 400 : 0;
      double user = slow(step, faultStep + 1, faultSteps) ? 420 : 0;
      double web = slow(step, faultStep + 2, faultSteps) ? 450 : 0;
      listener.onSignal("database", "latency", t, 5 + noise() + db);
      listener.onSignal("user-service", "latency", t, 20 + 2 * noise() + user);
      listener.onSignal("web-frontend", "latency", t, 40 + 3 * noise() + web);
      listener.onSignal("web-frontend", "requests", t, 1000 + 20 * noise());
    }
  }

  private static boolean slow(int step, int faultStep, int faultSteps) {
    return faultStep >= 0 && step >= faultStep && step < faultStep + faultSteps;
  }

  private double noise() {
    return random.nextGaussian();
  }
}
