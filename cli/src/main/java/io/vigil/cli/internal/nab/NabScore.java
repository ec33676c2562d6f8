package io.vigil.cli.internal.nab;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A detector's NAB scores under every profile of a corpus.
 *
 * @param profiles one score per profile, in the corpus's profile order
 */
public record NabScore(List<ProfileScore> profiles) {

  /** Copies the list. */
  public NabScore {
    profiles = List.copyOf(profiles);
  }

  /**
   * The normalised score under a profile.
   *
   * @param name the profile's name, long ({@code reward_low_FP_rate}) or short ({@code
   *     reward_low_FP})
   * @throws IllegalArgumentException when the corpus has no such profile
   */
  public double normalized(String name) {
    return profiles.stream()
        .filter(p -> p.profile().name().equals(name) || p.profile().shortName().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no profile '" + name + "'"))
        .normalized();
  }

  /** The summary line: {@code standard=39.65 reward_low_FP=20.87 reward_low_FN=47.41}. */
  public String summaryLine() {
    return profiles.stream()
        .map(p -> String.format(Locale.ROOT, "%s=%.2f", p.profile().shortName(), p.normalized()))
        .collect(Collectors.joining(" "));
  }
}
