package io.vigil.detect;

import java.util.Random;

/**
 * Flags feature vectors that an isolation forest, fitted to a window of recent vectors, isolates in
 * unusually few random splits (Liu, Ting and Zhou 2008).
 *
 * <p>The forest has {@code trees} trees, each grown on {@code subsample} rows drawn from the last
 * {@code window} vectors, and is regrown every {@code retrainEvery} vectors so that it follows a
 * drifting stream. The verdict's score is the forest's {@code 2^(-E[h]/c(psi))}; scores well above
 * 0.5 mean "isolated quickly", and a vector is an anomaly when its score exceeds {@code threshold}.
 * Randomness comes from one seeded {@link Random}, so a run can be repeated exactly.
 *
 * <p>Memory: the window ({@code window * dimensions} doubles) plus the forest, at most {@code trees
 * * (2 * subsample - 1)} nodes of 24 bytes (about 1.2 MB at 100 trees of 256).
 */
public final class IsolationForestDetector extends WindowTrainedDetector {

  private final int trees;
  private final int subsample;
  private final double threshold;
  private final Random random;
  private IsolationForest forest;

  /**
   * Creates a detector with the paper's forest size (100 trees of 256 rows) and a seed of 42.
   *
   * @param dimensions the length of every feature vector
   * @param window how many recent vectors the forest is grown from, at least 256
   * @param retrainEvery regrow the forest after this many vectors
   * @param threshold the score above which a vector is an anomaly, in (0.5, 1)
   */
  public IsolationForestDetector(int dimensions, int window, int retrainEvery, double threshold) {
    this(dimensions, window, retrainEvery, threshold, 100, 256, 42L);
  }

  /**
   * Creates a detector.
   *
   * @param dimensions the length of every feature vector
   * @param window how many recent vectors the forest is grown from, at least {@code subsample}
   * @param retrainEvery regrow the forest after this many vectors, at least 1
   * @param threshold the score above which a vector is an anomaly, in (0.5, 1)
   * @param trees number of trees, at least 1
   * @param subsample rows per tree, at least 2
   * @param seed seed of the random splits
   */
  public IsolationForestDetector(
      int dimensions,
      int window,
      int retrainEvery,
      double threshold,
      int trees,
      int subsample,
      long seed) {
    super(dimensions, window, subsample, retrainEvery);
    if (!(threshold > 0.5 && threshold < 1)) {
      throw new IllegalArgumentException("threshold must be in (0.5, 1) but was " + threshold);
    }
    if (trees < 1) {
      throw new IllegalArgumentException("trees must be >= 1 but was " + trees);
    }
    if (subsample < 2) {
      throw new IllegalArgumentException("subsample must be >= 2 but was " + subsample);
    }
    this.trees = trees;
    this.subsample = subsample;
    this.threshold = threshold;
    this.random = new Random(seed);
  }

  @Override
  protected void train(double[][] data, int size) {
    forest = IsolationForest.grow(data, size, trees, subsample, random);
  }

  @Override
  protected Verdict score(double[] features) {
    double score = forest.score(features);
    return Verdict.scored(score, score > threshold, Double.NaN, Double.NaN, Double.NaN);
  }
}
