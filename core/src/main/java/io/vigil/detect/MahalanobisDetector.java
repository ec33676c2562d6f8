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
 * retrainEvery} vectors. At each fit the covariance's rank is read from its singular value
 * decomposition (commons-math3's tolerance), and the limit becomes chi-square's {@code 1 - p}
 * quantile with that many degrees of freedom: two features moving in lockstep count once. A
 * singular covariance (a constant feature, features in lockstep) is regularised by adding {@code
 * 1e-6} of its mean variance to each singular value before inverting: a vector that leaves the
 * directions the window spans is then very far away, as it should be, instead of invisible. When
 * every feature is constant the detector decides nothing ({@link VerdictReason#NO_VARIATION}). The
 * score is {@link Severity#of} the distance {@code d}; a vector is an anomaly when {@code d^2}
 * exceeds the limit, that is when its tail probability is below {@code p}.
 *
 * <p>Any finite features are taken: a feature whose magnitude in the window is beyond {@code 2^400}
 * or below {@code 2^-400} is divided by a power of two near it before the fit (the distance does
 * not change with a feature's unit), so the covariance cannot overflow or underflow.
 *
 * <p>Memory: the window ({@code window * dimensions} doubles) plus a mean vector, per-feature
 * scales and a {@code dimensions x dimensions} inverse.
 */
public final class MahalanobisDetector extends WindowTrainedDetector {

  private static final double RIDGE = 1e-6;
  private static final double LARGE = 0x1p400;
  private static final double SMALL = 0x1p-400;

  private final double p;
  private final double[] down;
  private double[] mean = new double[0];
  private double[][] inverse = new double[0][];
  private int rank;
  private double limit;
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
    this.p = p;
    this.down = new double[dimensions];
    setRank(dimensions);
  }

  private void setRank(int newRank) {
    if (newRank != rank) {
      rank = newRank;
      limit = new ChiSquaredDistribution(newRank).inverseCumulativeProbability(1 - p);
    }
  }

  @Override
  protected void train(double[][] data, int size) {
    int dims = dimensions();
    for (int d = 0; d < dims; d++) {
      double largest = 0;
      for (int i = 0; i < size; i++) {
        largest = Math.max(largest, Math.abs(data[i][d]));
      }
      boolean ordinary = largest == 0 || (largest < LARGE && largest > SMALL);
      down[d] = ordinary ? 1.0 : Math.scalb(1.0, -Math.getExponent(largest));
    }
    double[][] rows = new double[size][dims];
    mean = new double[dims];
    for (int i = 0; i < size; i++) {
      for (int d = 0; d < dims; d++) {
        rows[i][d] = data[i][d] * down[d];
        mean[d] += rows[i][d] / size;
      }
    }
    RealMatrix covariance =
        new Covariance(new Array2DRowRealMatrix(rows, false), false).getCovarianceMatrix();
    double trace = covariance.getTrace();
    varies = trace > 0;
    if (!varies) {
      return;
    }
    // The covariance is symmetric: U S U^T. Adding the ridge to S inverts it as U (S + r)^-1 U^T.
    SingularValueDecomposition svd = new SingularValueDecomposition(covariance);
    setRank(svd.getRank());
    double ridge = RIDGE * trace / dims;
    double[] singular = svd.getSingularValues();
    RealMatrix u = svd.getU();
    inverse = new double[dims][dims];
    for (int i = 0; i < dims; i++) {
      for (int j = 0; j < dims; j++) {
        double sum = 0;
        for (int k = 0; k < dims; k++) {
          sum += u.getEntry(i, k) * u.getEntry(j, k) / (singular[k] + ridge);
        }
        inverse[i][j] = sum;
      }
    }
  }

  @Override
  protected Verdict score(double[] features) {
    if (!varies) {
      return Verdict.undecided(VerdictReason.NO_VARIATION);
    }
    int dims = mean.length;
    double[] diff = new double[dims];
    double largest = 0;
    for (int i = 0; i < dims; i++) {
      diff[i] = features[i] * down[i] - mean[i];
      largest = Math.max(largest, Math.abs(diff[i]));
    }
    // d = |diff| * sqrt(q(diff / |diff|)): a far vector's square cannot overflow into NaN.
    double unit = largest == 0 ? 1.0 : Math.scalb(1.0, Math.getExponent(largest));
    double q = 0;
    for (int i = 0; i < dims; i++) {
      double row = 0;
      for (int j = 0; j < dims; j++) {
        row += inverse[i][j] * (diff[j] / unit);
      }
      q += diff[i] / unit * row;
    }
    double d = Math.sqrt(Math.max(0, q)) * unit;
    double d2 = d * d;
    return Verdict.scored(Severity.of(d), d2 > limit, Double.NaN, Double.NaN, Double.NaN);
  }

  /**
   * The squared distance above which a vector is an anomaly: chi-square's {@code 1 - p} quantile,
   * with as many degrees of freedom as the last fit's covariance had rank (before the first fit, as
   * many as there are features).
   */
  public double limit() {
    return limit;
  }

  /** The degrees of freedom of {@link #limit()}: the last fit's covariance rank. */
  public int degreesOfFreedom() {
    return rank;
  }
}
