package io.vigil.cli.internal.nab;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * NAB's scorer: scores a detector's anomaly scores for every file of a corpus the way NAB's {@code
 * run.py --optimize --score --normalize} does, without Python.
 *
 * <p>Per profile: the first {@code min(floor(0.15 n), 750)} rows of each file are ignored; one
 * threshold for the whole corpus is chosen from every distinct score to maximise the raw score; in
 * each window only the best (earliest) detection counts; the result is normalised so that the null
 * detector scores 0 and a perfect one 100.
 */
public final class NabScorer {

  private final NabCorpus corpus;

  private NabScorer(NabCorpus corpus) {
    this.corpus = Objects.requireNonNull(corpus, "corpus");
  }

  /** A scorer for a corpus. */
  public static NabScorer of(NabCorpus corpus) {
    return new NabScorer(corpus);
  }

  /**
   * Scores one detector.
   *
   * @param scores anomaly scores in [0, 1] for every file of the corpus, one per data row, keyed
   *     like {@code realKnownCause/nyc_taxi.csv}
   * @throws IllegalArgumentException naming the file when one is missing, has the wrong number of
   *     scores, or a score outside [0, 1]
   */
  public NabScore score(Map<String, double[]> scores) {
    List<SweepPoints> files = new ArrayList<>();
    for (NabSeries series : corpus.series()) {
      files.add(SweepPoints.of(series, checked(series, scores.get(series.key()))));
    }
    ThresholdSweep sweep = new ThresholdSweep(files);
    List<ProfileScore> profiles = new ArrayList<>();
    for (NabProfile profile : corpus.profiles()) {
      ThresholdSweep.Best best = sweep.best(profile);
      List<FileScore> detail =
          files.stream().map(f -> f.scoreAt(best.threshold(), profile)).toList();
      double raw = detail.stream().mapToDouble(FileScore::score).sum();
      double perfect = corpus.windowCount() * profile.tpWeight();
      profiles.add(new ProfileScore(profile, best.threshold(), raw, best.none(), perfect, detail));
    }
    return new NabScore(profiles);
  }

  /**
   * Scores a detector's result files in NAB's layout: {@code
   * <results>/<detector>/<category>/<detector>_<file>.csv}.
   *
   * @throws io.vigil.cli.internal.InputException naming the file and line of a missing or bad
   *     result file
   */
  public NabScore scoreResults(Path results, String detector) {
    return score(ResultFiles.read(results, detector, corpus));
  }

  private static double[] checked(NabSeries series, double @Nullable [] scores) {
    if (scores == null) {
      throw new IllegalArgumentException("no scores for " + series.key());
    }
    if (scores.length != series.rows()) {
      throw new IllegalArgumentException(
          series.key()
              + ": "
              + scores.length
              + " scores for "
              + series.rows()
              + " data rows; expected one per row");
    }
    for (int i = 0; i < scores.length; i++) {
      if (!(scores[i] >= 0.0 && scores[i] <= 1.0)) {
        throw new IllegalArgumentException(
            series.key() + ": score " + scores[i] + " of row " + (i + 1) + " is not in [0, 1]");
      }
    }
    return scores;
  }
}
