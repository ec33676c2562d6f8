package io.vigil.cli.internal.nab;

import java.util.List;

/**
 * A detector's NAB score under one profile.
 *
 * @param profile the cost profile
 * @param threshold the corpus-wide threshold NAB's sweep chose (1.1: detect nothing)
 * @param raw the raw score at that threshold, summed over files
 * @param none the raw score of the null detector, which detects nothing
 * @param perfect the raw score of a perfect detector: every window detected at its left edge
 * @param files each file's raw score and counts at the threshold
 */
public record ProfileScore(
    NabProfile profile,
    double threshold,
    double raw,
    double none,
    double perfect,
    List<FileScore> files) {

  /** Copies the file list. */
  public ProfileScore {
    files = List.copyOf(files);
  }

  /** NAB's normalised score: 0 for the null detector, 100 for a perfect one. */
  public double normalized() {
    return 100.0 * (raw - none) / (perfect - none);
  }
}
