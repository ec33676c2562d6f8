package io.vigil.detect;

/**
 * Vigil's default detector for service metrics: the one {@code --detector default} selects.
 *
 * <p>First version: a rolling z-score over the previous 400 points whose alarms are held back for a
 * while after each detection, since one incident should raise one alarm.
 *
 * <p>Memory: one {@code double[400]} ring buffer.
 */
public final class DefaultDetector extends StreamingDetector {

  private static final int WINDOW = 400;
  private static final int SUPPRESS = 100;

  private final RollingZScoreDetector zscore = new RollingZScoreDetector(WINDOW, 5.0, 30);
  private int quiet;

  /** Creates a detector with Vigil's fixed default parameters. */
  public DefaultDetector() {}

  @Override
  protected Verdict accept(long timestampMillis, double value) {
    Verdict verdict = zscore.update(timestampMillis, value);
    if (quiet > 0) {
      quiet--;
      if (verdict.decided()) {
        return Verdict.scored(0.0, false, verdict.expected(), verdict.lower(), verdict.upper());
      }
      return verdict;
    }
    if (verdict.anomaly()) {
      quiet = SUPPRESS;
    }
    return verdict;
  }
}
