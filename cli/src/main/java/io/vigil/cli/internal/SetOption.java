package io.vigil.cli.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * {@code --set key=value}, repeatable, in every command that takes settings ({@code detect}, {@code
 * nab run}, {@code watch}, {@code rca eval}): one parser, picocli's map, and the settings' owner
 * (the detector catalog, {@code RankerSettings}) reads the values once, strictly.
 */
public final class SetOption {

  @Option(
      names = "--set",
      paramLabel = "KEY=VALUE",
      description =
          "A setting, repeatable: --set window=500 --set threshold=4 (detect --help lists the"
              + " detectors' settings, docs/rca.md the ranker's).")
  Map<String, String> values = new LinkedHashMap<>();

  /** The settings given, in order; a key given twice keeps its last value. */
  public Map<String, String> values() {
    return values;
  }
}
