package io.vigil.rca;

import java.util.Map;
import java.util.Objects;

/**
 * Settings of {@link GraphRootCauseRanker}: named, typed, and checked once, here. Made by {@link
 * #builder()}, from numbers or from {@code key=value} text; every error names the setting, the
 * value and the range it takes. A whole setting given as text takes only a whole number: {@code
 * rounds=2.7} is an error, never 2.
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
  public static final RankerSettings DEFAULTS = new Builder().build();

  /**
   * Checks every value's range.
   *
   * @throws IllegalArgumentException naming the setting, the value and its range
   */
  public RankerSettings {
    RankerSetting.ONSET_THRESHOLD.check(onsetThreshold);
    RankerSetting.DAMPING.check(damping);
    RankerSetting.ROUNDS.check(rounds);
    RankerSetting.BACKWARD_WEIGHT.check(backwardWeight);
    RankerSetting.DEVIATION_WEIGHT.check(deviationWeight);
    RankerSetting.GRAPH_WEIGHT.check(graphWeight);
    RankerSetting.ONSET_DECAY.check(onsetDecay);
    RankerSetting.EXPLAIN_WEIGHT.check(explainWeight);
    RankerSetting.PERSISTENCE.check(persistence);
    RankerSetting.RESOURCE_WEIGHT.check(resourceWeight);
  }

  /** A builder starting from {@link #DEFAULTS}' values. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from these settings. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Builds {@link RankerSettings}; {@link #build()} checks the values. */
  public static final class Builder {

    private double onsetThreshold = 3.0;
    private double damping = 0.85;
    private int rounds = 50;
    private double backwardWeight = 0.1;
    private double deviationWeight = 0.5;
    private double graphWeight = 1.0;
    private double onsetDecay = 0.8;
    private double explainWeight = 1.0;
    private int persistence = 3;
    private double resourceWeight = 20.0;

    private Builder() {}

    private Builder(RankerSettings s) {
      onsetThreshold = s.onsetThreshold;
      damping = s.damping;
      rounds = s.rounds;
      backwardWeight = s.backwardWeight;
      deviationWeight = s.deviationWeight;
      graphWeight = s.graphWeight;
      onsetDecay = s.onsetDecay;
      explainWeight = s.explainWeight;
      persistence = s.persistence;
      resourceWeight = s.resourceWeight;
    }

    /** See {@link RankerSettings#onsetThreshold()}; default 3.0, must be &gt; 0. */
    public Builder onsetThreshold(double v) {
      onsetThreshold = v;
      return this;
    }

    /** See {@link RankerSettings#damping()}; default 0.85, in (0, 1). */
    public Builder damping(double v) {
      damping = v;
      return this;
    }

    /** See {@link RankerSettings#rounds()}; default 50, in [1, 10000]. */
    public Builder rounds(int v) {
      rounds = v;
      return this;
    }

    /** See {@link RankerSettings#backwardWeight()}; default 0.1, &gt;= 0. */
    public Builder backwardWeight(double v) {
      backwardWeight = v;
      return this;
    }

    /** See {@link RankerSettings#deviationWeight()}; default 0.5, &gt;= 0. */
    public Builder deviationWeight(double v) {
      deviationWeight = v;
      return this;
    }

    /** See {@link RankerSettings#graphWeight()}; default 1.0, &gt;= 0. */
    public Builder graphWeight(double v) {
      graphWeight = v;
      return this;
    }

    /** See {@link RankerSettings#onsetDecay()}; default 0.8, in (0, 1]. */
    public Builder onsetDecay(double v) {
      onsetDecay = v;
      return this;
    }

    /** See {@link RankerSettings#explainWeight()}; default 1.0, &gt;= 0. */
    public Builder explainWeight(double v) {
      explainWeight = v;
      return this;
    }

    /** See {@link RankerSettings#persistence()}; default 3, in [1, 100000]. */
    public Builder persistence(int v) {
      persistence = v;
      return this;
    }

    /** See {@link RankerSettings#resourceWeight()}; default 20.0, &gt; 0. */
    public Builder resourceWeight(double v) {
      resourceWeight = v;
      return this;
    }

    /**
     * Sets one setting from text by its name, such as {@code rounds} and {@code "80"}.
     *
     * @throws IllegalArgumentException for an unknown name (listing the known ones), or text that
     *     is not a number of the setting's kind and range
     */
    public Builder set(String key, String value) {
      Objects.requireNonNull(value, "value");
      RankerSetting setting = RankerSetting.named(Objects.requireNonNull(key, "key"));
      double v = setting.parse(value);
      switch (setting) {
        case ONSET_THRESHOLD -> onsetThreshold = v;
        case DAMPING -> damping = v;
        case ROUNDS -> rounds = (int) v;
        case BACKWARD_WEIGHT -> backwardWeight = v;
        case DEVIATION_WEIGHT -> deviationWeight = v;
        case GRAPH_WEIGHT -> graphWeight = v;
        case ONSET_DECAY -> onsetDecay = v;
        case EXPLAIN_WEIGHT -> explainWeight = v;
        case PERSISTENCE -> persistence = (int) v;
        case RESOURCE_WEIGHT -> resourceWeight = v;
      }
      return this;
    }

    /** Sets every entry of {@code settings} with {@link #set(String, String)}. */
    public Builder setAll(Map<String, String> settings) {
      settings.forEach(this::set);
      return this;
    }

    /**
     * The settings.
     *
     * @throws IllegalArgumentException naming the first setting out of its range
     */
    public RankerSettings build() {
      return new RankerSettings(
          onsetThreshold,
          damping,
          rounds,
          backwardWeight,
          deviationWeight,
          graphWeight,
          onsetDecay,
          explainWeight,
          persistence,
          resourceWeight);
    }
  }
}
