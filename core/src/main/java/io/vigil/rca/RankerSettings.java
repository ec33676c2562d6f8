package io.vigil.rca;

/**
 * Settings of {@link GraphRootCauseRanker}.
 *
 * @param onsetThreshold robust deviations ((x - median) / IQR) from which a signal has moved
 * @param damping probability that the random walk follows an edge rather than restarting
 * @param rounds power-iteration rounds of the walk
 * @param backwardWeight weight of a step from a callee back to its caller, relative to forward
 * @param deviationWeight exponent of the normalized deviation in the final score
 * @param graphWeight exponent of the normalized walk score in the final score
 * @param onsetDecay factor applied to a service whose onset is not the earliest
 * @param explainWeight exponent of (1 + anomalous callers explained) in the final score
 * @param persistence anomalous points a deviation must be reached by to count (1: the peak)
 * @param resourceWeight factor on the deviation of a resource signal that has moved (CPU, memory:
 *     what a service itself consumes) relative to a symptom signal (latency, errors, traffic: what
 *     it shows of everything it waits on)
 */
public record RankerSettings(
    double onsetThreshold,
    double damping,
    int rounds,
    double backwardWeight,
    double deviationWeight,
    double graphWeight,
    double onsetDecay,
    double explainWeight,
    int persistence,
    double resourceWeight) {

  /** The settings measured in docs/rca.md. */
  public static final RankerSettings DEFAULTS =
      new RankerSettings(3.0, 0.85, 50, 0.1, 0.5, 1.0, 0.8, 1.0, 3, 20.0);

  /** Checks every value's range. */
  public RankerSettings {
    check(onsetThreshold > 0, "onsetThreshold must be > 0 but was " + onsetThreshold);
    check(damping > 0 && damping < 1, "damping must be in (0, 1) but was " + damping);
    check(rounds >= 1, "rounds must be >= 1 but was " + rounds);
    check(backwardWeight >= 0, "backwardWeight must be >= 0 but was " + backwardWeight);
    check(deviationWeight >= 0, "deviationWeight must be >= 0 but was " + deviationWeight);
    check(graphWeight >= 0, "graphWeight must be >= 0 but was " + graphWeight);
    check(onsetDecay > 0 && onsetDecay <= 1, "onsetDecay must be in (0, 1] but was " + onsetDecay);
    check(explainWeight >= 0, "explainWeight must be >= 0 but was " + explainWeight);
    check(persistence >= 1, "persistence must be >= 1 but was " + persistence);
    check(resourceWeight > 0, "resourceWeight must be > 0 but was " + resourceWeight);
  }

  /** A copy with one setting changed by name, for command-line overrides. */
  public RankerSettings with(String name, double v) {
    double[] a = {
      onsetThreshold,
      damping,
      rounds,
      backwardWeight,
      deviationWeight,
      graphWeight,
      onsetDecay,
      explainWeight,
      persistence,
      resourceWeight
    };
    int i =
        switch (name) {
          case "onsetThreshold" -> 0;
          case "damping" -> 1;
          case "rounds" -> 2;
          case "backwardWeight" -> 3;
          case "deviationWeight" -> 4;
          case "graphWeight" -> 5;
          case "onsetDecay" -> 6;
          case "explainWeight" -> 7;
          case "persistence" -> 8;
          case "resourceWeight" -> 9;
          default ->
              throw new IllegalArgumentException(
                  "unknown setting '"
                      + name
                      + "', expected one of onsetThreshold, damping, rounds, backwardWeight,"
                      + " deviationWeight, graphWeight, onsetDecay, explainWeight, persistence,"
                      + " resourceWeight");
        };
    a[i] = v;
    return new RankerSettings(
        a[0], a[1], (int) a[2], a[3], a[4], a[5], a[6], a[7], (int) a[8], a[9]);
  }

  private static void check(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
