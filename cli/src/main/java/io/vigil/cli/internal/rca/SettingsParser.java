package io.vigil.cli.internal.rca;

import io.vigil.cli.internal.InputException;
import io.vigil.rca.RankerSettings;
import java.util.List;

/** Applies {@code key=value} overrides to {@link RankerSettings}. */
final class SettingsParser {

  private SettingsParser() {}

  static RankerSettings parse(RankerSettings base, List<String> overrides) {
    RankerSettings s = base;
    for (String override : overrides) {
      int eq = override.indexOf('=');
      if (eq <= 0) {
        throw new InputException("--set " + override + ": expected key=value");
      }
      try {
        s = s.with(override.substring(0, eq), Double.parseDouble(override.substring(eq + 1)));
      } catch (IllegalArgumentException e) {
        throw new InputException("--set " + override + ": " + e.getMessage(), e);
      }
    }
    return s;
  }
}
