package io.vigil.detect;

/**
 * Base class for multivariate detectors that fit a model to a bounded window of recent vectors and
 * refit it every {@code retrainEvery} vectors, so the model follows the stream as it drifts.
 *
 * <p>It screens out vectors of the wrong length, with non-finite features or out of order, counting
 * them. Until the first model exists (when {@code minTrain} vectors have been seen) every vector is
 * answered {@link VerdictReason#WARMING_UP}. While the window fills, the model is refitted each
 * time the window has doubled since the last fit, and when it becomes full. Vectors are scored by
 * the current model before they join the window.
 *
 * <p>Memory: {@code window * dimensions} doubles for the window, plus the subclass's model.
 */
public abstract class WindowTrainedDetector implements MultivariateDetector {

  private final int dimensions;
  private final double[][] window;
  private final int minTrain;
  private final int retrainEvery;
  private int size;
  private int next;
  private int sinceTrain;
  private boolean trained;
  private int trainedSize;
  private long lastTimestamp = Long.MIN_VALUE;
  private long accepted;
  private long invalid;
  private long outOfOrder;

  /**
   * Creates the base.
   *
   * @param dimensions the length every feature vector must have, at least 1
   * @param window how many recent vectors the model is fitted to, at least {@code minTrain}
   * @param minTrain vectors needed before the first fit, at least 2
   * @param retrainEvery refit after this many accepted vectors, at least 1
   */
  protected WindowTrainedDetector(int dimensions, int window, int minTrain, int retrainEvery) {
    if (dimensions < 1) {
      throw new IllegalArgumentException("dimensions must be >= 1 but was " + dimensions);
    }
    if (minTrain < 2) {
      throw new IllegalArgumentException("minTrain must be >= 2 but was " + minTrain);
    }
    if (window < minTrain) {
      throw new IllegalArgumentException(
          "window must be >= minTrain (" + minTrain + ") but was " + window);
    }
    if (retrainEvery < 1) {
      throw new IllegalArgumentException("retrainEvery must be >= 1 but was " + retrainEvery);
    }
    this.dimensions = dimensions;
    this.window = new double[window][dimensions];
    this.minTrain = minTrain;
    this.retrainEvery = retrainEvery;
  }

  @Override
  public final Verdict update(long timestampMillis, double[] features) {
    if (features.length != dimensions || !allFinite(features)) {
      invalid++;
      return Verdict.invalidValue();
    }
    if (timestampMillis < lastTimestamp) {
      outOfOrder++;
      return Verdict.outOfOrder();
    }
    lastTimestamp = timestampMillis;
    accepted++;
    Verdict verdict = trained ? score(features) : Verdict.warmingUp();
    System.arraycopy(features, 0, window[next], 0, dimensions);
    next = (next + 1) % window.length;
    size = Math.min(size + 1, window.length);
    sinceTrain++;
    if (dueForTraining()) {
      train(window, size);
      trained = true;
      trainedSize = size;
      sinceTrain = 0;
    }
    return verdict;
  }

  private boolean dueForTraining() {
    if (!trained) {
      return size >= minTrain;
    }
    // While the window fills, refit each time it doubles (and once full) so that an early fit on
    // few vectors is soon replaced; after that, every retrainEvery vectors.
    boolean growing =
        trainedSize < window.length && (size >= 2 * trainedSize || size == window.length);
    return growing || sinceTrain >= retrainEvery;
  }

  private static boolean allFinite(double[] features) {
    for (double f : features) {
      if (!Double.isFinite(f)) {
        return false;
      }
    }
    return true;
  }

  /** The length every feature vector must have. */
  public final int dimensions() {
    return dimensions;
  }

  @Override
  public final DetectorCounts counts() {
    return new DetectorCounts(accepted, invalid, outOfOrder);
  }

  /**
   * Fits the model to the window; rows {@code 0..size-1} hold the data, in no particular order.
   *
   * @param data the window's rows; read them during this call only
   * @param size how many rows hold data
   */
  protected abstract void train(double[][] data, int size);

  /**
   * Scores a valid vector against the current model.
   *
   * @param features a finite vector of the right length
   * @return the verdict
   */
  protected abstract Verdict score(double[] features);
}
