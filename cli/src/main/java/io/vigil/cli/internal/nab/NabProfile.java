package io.vigil.cli.internal.nab;

import io.vigil.cli.internal.InputException;
import io.vigil.cli.internal.JsonFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

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
  public static List<NabProfile> load(Path file) {
    JsonFile json = JsonFile.read(file);
    JsonNode root = json.root();
    if (root == null || !root.isObject() || root.isEmpty()) {
      throw json.bad("$", "profiles: {\"standard\": {\"CostMatrix\": ..}}");
    }
    List<NabProfile> profiles = new ArrayList<>();
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      String path = JsonFile.child(JsonFile.child("$", entry.getKey()), "CostMatrix");
      JsonNode costs = entry.getValue().path("CostMatrix");
      if (!costs.isObject()) {
        throw json.bad(path, "an object with tpWeight, fpWeight and fnWeight");
      }
      profiles.add(
          new NabProfile(
              entry.getKey(),
              weight(json, path, costs, "tpWeight"),
              weight(json, path, costs, "fpWeight"),
              weight(json, path, costs, "fnWeight")));
    }
    return List.copyOf(profiles);
  }

  /** The name in Vigil's summary line: {@code reward_low_FP_rate} becomes {@code reward_low_FP}. */
  public String shortName() {
    return name.endsWith("_rate") ? name.substring(0, name.length() - "_rate".length()) : name;
  }

  private static double weight(JsonFile json, String path, JsonNode costs, String field) {
    JsonNode node = costs.path(field);
    if (!node.isNumber() || !Double.isFinite(node.doubleValue()) || node.doubleValue() < 0) {
      throw json.bad(path + "." + field, "a number >= 0, not " + node);
    }
    return node.doubleValue();
  }
}
