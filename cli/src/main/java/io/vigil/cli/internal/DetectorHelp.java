package io.vigil.cli.internal;

import io.vigil.detect.DetectorCatalog;
import io.vigil.detect.DetectorType;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import picocli.CommandLine.Help;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.Column.Overflow;
import picocli.CommandLine.Help.TextTable;

/**
 * The detector list of {@code --help}, read from {@link DetectorCatalog} so it never goes stale.
 */
final class DetectorHelp {

  private static final int NAME_WIDTH = 22;
  private static final int TEXT_WIDTH = 58;

  private DetectorHelp() {}

  /** One entry per detector: name, description, and settings with their defaults, wrapped. */
  static String text() {
    TextTable table =
        TextTable.forColumns(
            Help.defaultColorScheme(Ansi.OFF),
            new Column(NAME_WIDTH, 2, Overflow.SPAN),
            new Column(TEXT_WIDTH, 0, Overflow.WRAP));
    for (DetectorType type : DetectorCatalog.all()) {
      table.addRowValues(type.name(), type.description());
      table.addRowValues("", "settings: " + settings(type));
    }
    // The footer is a format string: keep any % in a description literal.
    return table.toString().replace("%", "%%");
  }

  private static String settings(DetectorType type) {
    return new TreeMap<>(type.defaults())
        .entrySet().stream()
            .map(Map.Entry::getKey)
            .map(k -> k + "=" + type.defaults().get(k))
            .collect(Collectors.joining(" "));
  }
}
