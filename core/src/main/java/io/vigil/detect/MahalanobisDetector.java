package io.vigil.detect;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.apache.commons.math3.stat.correlation.Covariance;

/**
 * Flags feature vectors far from the recent window in Mahalanobis distance, with the threshold
 * taken from the chi-square distribution: for Gaussian data, {@code d^2} follows chi-square with as
 * many degrees of freedom as the covariance has rank.
 *
 * <p>Mean and covariance are fitted to the last {@code window} vectors and refitted every {@code
 * retrainEvery} vectors. A singular covariance (a constant feature, two features moving in
 * lockstep) is regularised by adding {@code 1e-6} of its mean variance to the diagonal before the
 * SVD inverse: a vector that leaves the directions the window spans is then very far away, as it
 * should be, instead of invisible. When every feature is constant the detector decides nothing
 * ({@link VerdictReason#NO_VARIATION}). The score is the chi-square CDF of {@code d^2}; a vector is
 * an anomaly when its tail probability is below {@code p}.
 *
 * <p>Memory: the window ({@code window * dimensions} doubles) plus a mean vector and a {@code
 * dimensions x dimensions} inverse.
 */
public final class MahalanobisDetector extends WindowTrainedDetector {

  private static final double RIDGE = 1e-6;
  private double[] mean = new double[0];
  private double[][] inverse = new double[0][];
  private final ChiSquaredDistribution chiSquared;
  private final double limit;
  private boolean varies;

  /**
   * Creates a detector.
   *
   * @param dimensions the length of every feature vector
   * @param window how many recent vectors the fit uses, greater than {@code dimensions}; the first
   *     fit waits for {@code min(window, 10 * dimensions)} vectors
   * @param retrainEvery refit after this many vectors, at least 1
   * @param p the tail probability below which a vector is an anomaly, in (0, 0.5)
   */
  public MahalanobisDetector(int dimensions, int window, int retrainEvery, double p) {
    super(
        dimensions,
        window,
        Math.min(window, Math.max(dimensions + 1, 10 * dimensions)),
        retrainEvery);
    if (!(p > 0 && p < 0.5)) {
      throw new IllegalArgumentException("p must be in (0, 0.5) but was " + p);
    }
    this.chiSquared = new ChiSquaredDistribution(dimensions);
    this.limit = chiSquared.inverseCumulativeProbability(1 - p);
  }

  @Override
  protected void train(double[][] data, int size) {
    int dims = dimensions();
    double[][] rows = new double[size][];
    mean = new double[dims];
    for (int i = 0; i < size; i++) {
      rows[i] = data[i];
      for (int d = 0; d < dims; d++) {
        mean[d] += data[i][d] / size;
      }
    }
    RealMatrix covariance =
        new Covariance(new Array2DRowRealMatrix(rows, false), false).getCovarianceMatrix();
    double trace = covariance.getTrace();
    varies = trace > 0;
    if (!varies) {
      return;
    }
    double ridge = RIDGE * trace / dims;
    for (int d = 0; d < dims; d++) {
      covariance.addToEntry(d, d, ridge);
    }
    inverse = new SingularValueDecomposition(covariance).getSolver().getInverse().getData();
  }

  @Override
  protected Verdict score(double[] features) {
    if (!varies) {
      return Verdict.undecided(VerdictReason.NO_VARIATION);
    }
    int dims = mean.length;
    double d2 = 0;
    for (int i = 0; i < dims; i++) {
      double row = 0;
      for (int j = 0; j < dims; j++) {
        row += inverse[i][j] * (features[j] - mean[j]);
      }
      d2 += (features[i] - mean[i]) * row;
    }
    d2 = Math.max(0, d2);
    double score = chiSquared.cumulativeProbability(d2);
    return Verdict.scored(score, d2 > limit, Double.NaN, Double.NaN, Double.NaN);
  }

  /**
   * The squared distance above which a vector is an anomaly: chi-square's {@code 1 - p} quantile.
   */
  public double limit() {
    return limit;
  }
}
