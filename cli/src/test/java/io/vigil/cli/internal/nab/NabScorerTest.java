package io.vigil.cli.internal.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * NAB's scoring worked out by hand on tiny corpora.
 *
 * <p>Facts used throughout: a 20-row file has {@code floor(0.15 * 20) = 3} probation rows (0..2).
 * NAB's {@code scaledSigmoid(p) = 2 * sigmoid(-5p) - 1 = tanh(-2.5p)} (and -1 for p > 3), and a
 * detection in a window is worth {@code tpW * scaledSigmoid(p) / scaledSigmoid(-1)} with {@code p =
 * -(end - i + 1) / width}, so {@code tanh(2.5 (end - i + 1) / width) / tanh(2.5)}.
 */
class NabScorerTest {

  private static final double TOLERANCE = 1e-12;

  /** File a: 20 rows, one window over rows 10..14 (width 5). */
  private static final NabSeries A = new NabSeries("cat/a.csv", 20, List.of(new NabWindow(10, 14)));

  /** File b: 20 rows, no window. */
  private static final NabSeries B = new NabSeries("cat/b.csv", 20, List.of());

  @Test
  void rewardsTheEarliestDetectionAndIgnoresProbation() {
    double[] a = new double[20];
    a[2] = 1.0; // in probation: not a candidate threshold, not a false positive
    a[11] = 0.9; // p = -(14 - 11 + 1) / 5 = -0.8: worth tanh(2) / tanh(2.5) = 0.977106840922605
    a[17] = 0.8; // 3 rows past the window, p = 3 / (5 - 1) = 0.75: costs fpW * tanh(1.875)
    NabScore score = score(List.of(A), Map.of("cat/a.csv", a));

    // Standard: threshold 1.1 gives -1 (the miss); 0.9 gives 0.977107; 0.8 gives
    // 0.977107 - 0.11 * 0.954062 = 0.872162; 0.0 adds seven false positives before any window
    // (-0.11 each) and four after it. Best: 0.9. Normalised: 100 * (0.977107 + 1) / (1 + 1).
    ProfileScore standard = score.profiles().get(0);
    assertThat(standard.threshold()).isEqualTo(0.9);
    assertThat(standard.raw()).isCloseTo(Math.tanh(2) / Math.tanh(2.5), within(TOLERANCE));
    assertThat(standard.none()).isEqualTo(-1.0);
    assertThat(standard.perfect()).isEqualTo(1.0);
    assertThat(standard.normalized()).isCloseTo(98.85534204613023, within(1e-9));
    // Rows 3..19 are scored: row 11 detected in the window, 10, 12, 13, 14 missed, 12 negatives.
    assertThat(standard.files())
        .containsExactly(new FileScore("cat/a.csv", standard.raw(), 1, 0, 4, 12));
    // reward_low_FN: the miss costs 2. Normalised: 100 * (0.977107 + 2) / (1 + 2) = 99.2369.
    assertThat(score.normalized("reward_low_FN")).isCloseTo(99.23689469742015, within(1e-9));
    assertThat(score.summaryLine())
        .isEqualTo("standard=98.86 reward_low_FP=98.86 reward_low_FN=99.24");
  }

  @Test
  void choosesOneThresholdForTheWholeCorpus() {
    double[] a = new double[20];
    a[11] = 0.9;
    a[17] = 0.8;
    double[] b = new double[20];
    b[5] = 0.95; // a false positive with no window before it: costs fpW in full
    NabScore score = score(List.of(A, B), Map.of("cat/a.csv", a, "cat/b.csv", b));

    // Standard: 1.1 -> -1; 0.95 -> -1 - 0.11 = -1.11; 0.9 -> 0.977107 - 0.11 = 0.867107;
    // 0.8 -> 0.867107 - 0.104945 = 0.762162. Best 0.9: 100 * (0.867107 + 1) / 2 = 93.3553.
    assertThat(score.profiles().get(0).threshold()).isEqualTo(0.9);
    assertThat(score.normalized("standard")).isCloseTo(93.35534204613023, within(1e-9));
    // reward_low_FP (fpW 0.22): 0.977107 - 0.22 = 0.757107; 100 * 1.757107 / 2 = 87.8553.
    assertThat(score.normalized("reward_low_FP_rate")).isCloseTo(87.85534204613023, within(1e-9));
    // reward_low_FN (fnW 2): 0.867107; 100 * (0.867107 + 2) / (1 + 2) = 95.5702.
    assertThat(score.normalized("reward_low_FN")).isCloseTo(95.57022803075348, within(1e-9));
    assertThat(score.profiles().get(0).files().get(1))
        .isEqualTo(new FileScore("cat/b.csv", -0.11, 0, 1, 0, 16));
  }

  @Test
  void detectingAtTheLeftEdgeIsPerfect() {
    double[] a = new double[20];
    a[10] = 0.9; // p = -(14 - 10 + 1) / 5 = -1: worth exactly tpW
    a[15] = 0.7; // 1 row past the window, p = 1 / 4: would cost 0.11 * tanh(0.625) = 0.0610
    NabScore score = score(List.of(A), Map.of("cat/a.csv", a));
    // 0.9 -> 1.0; 0.7 -> 1.0 - 0.0610 = 0.939. Best 0.9: 100 * (1 + 1) / (1 + 1) = 100.
    assertThat(score.profiles().get(0).raw()).isEqualTo(1.0);
    assertThat(score.summaryLine())
        .isEqualTo("standard=100.00 reward_low_FP=100.00 reward_low_FN=100.00");
  }

  @Test
  void detectingNothingIsTheNullScore() {
    double[] a = new double[20];
    for (int i = 3; i < 10; i++) {
      a[i] = 0.9; // seven false positives before the window: -0.11 each
    }
    NabScore score = score(List.of(A, B), Map.of("cat/a.csv", a, "cat/b.csv", new double[20]));
    // Standard: 1.1 -> -1 (the miss); 0.9 -> -1 - 0.77 = -1.77; 0.0 detects the window at its
    // left edge (+1) but adds a's seven and five later false positives
    // (-0.77 - 0.11 * sum over k = 1..5 of tanh(2.5 k / 4) = -1.247366) and b's seventeen
    // (-1.87): -2.117366. reward_low_FN: -2, -2.77, -2.117366. reward_low_FP is worse still.
    // Best everywhere: detect nothing, as the null detector.
    assertThat(score.profiles()).allSatisfy(p -> assertThat(p.threshold()).isEqualTo(1.1));
    assertThat(score.summaryLine())
        .isEqualTo("standard=0.00 reward_low_FP=0.00 reward_low_FN=0.00");
  }

  @Test
  void ofEqualScoresTheHigherThresholdWins() {
    double[] a = new double[20];
    a[11] = 0.9;
    a[12] = 0.5; // later in the same window: only the earliest detection counts
    NabScore score = score(List.of(A), Map.of("cat/a.csv", a));
    // 0.9 and 0.5 both give 0.977107; NAB's stable sort keeps the first, 0.9.
    assertThat(score.profiles().get(0).threshold()).isEqualTo(0.9);
  }

  @Test
  void aWindowInsideProbationCountsForPerfectButCannotBeMissed() {
    NabSeries early = new NabSeries("cat/c.csv", 20, List.of(new NabWindow(0, 2)));
    double[] a = new double[20];
    a[10] = 0.9;
    NabScore score = score(List.of(A, early), Map.of("cat/a.csv", a, "cat/c.csv", new double[20]));
    // As in NAB: perfect counts every labelled window (2), the null detector misses only the
    // scorable one (-1). Raw 1.0: 100 * (1 + 1) / (2 + 1) = 66.67.
    ProfileScore standard = score.profiles().get(0);
    assertThat(standard.perfect()).isEqualTo(2.0);
    assertThat(standard.none()).isEqualTo(-1.0);
    assertThat(standard.normalized()).isCloseTo(200.0 / 3, within(1e-9));
  }

  @Test
  void rejectsMissingShortOrOutOfRangeScores() {
    assertThatThrownBy(() -> score(List.of(A), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no scores for cat/a.csv");
    assertThatThrownBy(() -> score(List.of(A), Map.of("cat/a.csv", new double[19])))
        .hasMessage("cat/a.csv: 19 scores for 20 data rows; expected one per row");
    double[] a = new double[20];
    a[7] = Double.NaN;
    assertThatThrownBy(() -> score(List.of(A), Map.of("cat/a.csv", a)))
        .hasMessage("cat/a.csv: score NaN of row 8 is not in [0, 1]");
  }

  private static NabScore score(List<NabSeries> series, Map<String, double[]> scores) {
    NabCorpus corpus = new NabCorpus(Path.of("corpus"), series, NabProfile.defaults());
    return NabScorer.of(corpus).score(new LinkedHashMap<>(scores));
  }
}
