package io.vigil.cli.internal.nab;

import io.vigil.cli.internal.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One of NAB's cost profiles: how much a detected window, a false positive and a missed window
 * weigh.
 *
 * @param name the profile's name in {@code config/profiles.json}, such as {@code
 *     reward_low_FP_rate}
 * @param tpWeight weight of a window detected at its left edge
 * @param fpWeight weight of a false positive far from any window
 * @param fnWeight weight of a window with no detection
 */
public record NabProfile(String name, double tpWeight, double fpWeight, double fnWeight) {

  /** NAB's three profiles, as its {@code config/profiles.json} defines them. */
  public static List<NabProfile> defaults() {
    return List.of(
        new NabProfile("standard", 1.0, 0.11, 1.0),
        new NabProfile("reward_low_FP_rate", 1.0, 0.22, 1.0),
        new NabProfile("reward_low_FN_rate", 1.0, 0.11, 2.0));
  }

  /**
   * Reads NAB's {@code profiles.json}: {@code {"name": {"CostMatrix": {"tpWeight": ..}}}}.
   *
   * @throws InputException naming the file and the missing or bad field
   */
  public static List<NabProfile> load(Path file, ObjectMapper json) {
    JsonNode root;
    try {
      root = json.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new InputException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
    List<NabProfile> profiles = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      JsonNode costs = entry.getValue().path("CostMatrix");
      profiles.add(
          new NabProfile(
              entry.getKey(),
              weight(file, entry.getKey(), costs, "tpWeight"),
              weight(file, entry.getKey(), costs, "fpWeight"),
              weight(file, entry.getKey(), costs, "fnWeight")));
    }
    if (profiles.isEmpty()) {
      throw new InputException(
          file + ": no profiles; expected {\"standard\": {\"CostMatrix\": ..}}");
    }
    return List.copyOf(profiles);
  }

  /** The name in Vigil's summary line: {@code reward_low_FP_rate} becomes {@code reward_low_FP}. */
  public String shortName() {
    return name.endsWith("_rate") ? name.substring(0, name.length() - "_rate".length()) : name;
  }

  private static double weight(Path file, String profile, JsonNode costs, String field) {
    JsonNode node = costs.path(field);
    if (!node.isNumber() || !Double.isFinite(node.doubleValue()) || node.doubleValue() < 0) {
      throw new InputException(
          file
              + ": profile '"
              + profile
              + "' CostMatrix."
              + field
              + " must be a number >= 0 but was "
              + node);
    }
    return node.doubleValue();
  }
}
