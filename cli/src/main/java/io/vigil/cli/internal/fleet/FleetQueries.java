package io.vigil.cli.internal.fleet;

import io.vigil.cli.internal.InputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL mapping from a metrics backend to Vigil's graph and signals: the defaults of {@code
 * default-queries.properties} (documented in docs/fleet.md), with a user's file over them.
 *
 * @param graph the query answering one series per edge, labelled {@code client} and {@code server}
 * @param signals signal name to the query answering one series per service, labelled {@code
 *     service}
 */
record FleetQueries(String graph, Map<String, String> signals) {

  static final String GRAPH = "graph";
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

  FleetQueries {
    signals = Collections.unmodifiableSortedMap(new TreeMap<>(signals));
  }

  /**
   * The defaults, with the entries of {@code overrides} (when given) replacing or removing them.
   */
  static FleetQueries load(Path overrides) {
    Map<String, String> merged = new TreeMap<>(read(defaults(), "the default queries"));
    if (overrides != null) {
      try (Reader in = Files.newBufferedReader(overrides, StandardCharsets.UTF_8)) {
        read(in, overrides.toString())
            .forEach((k, v) -> merged.compute(k, (key, old) -> v.isBlank() ? null : v));
      } catch (IOException e) {
        throw new InputException("--queries: cannot read " + overrides + ": " + e.getMessage());
      }
    }
    String graph = merged.remove(GRAPH);
    if (graph == null) {
      throw new InputException("--queries: the '" + GRAPH + "' query may not be removed");
    }
    if (merged.isEmpty()) {
      throw new InputException("--queries: every signal query was removed; keep at least one");
    }
    return new FleetQueries(graph, new LinkedHashMap<>(merged));
  }

  /** The query with {@code ${window}} replaced by the window's rate range. */
  static String expand(String query, FleetWindow window) {
    return query.replace("${window}", window.rateRange());
  }

  private static Reader defaults() {
    InputStream in = FleetQueries.class.getResourceAsStream("default-queries.properties");
    if (in == null) {
      throw new IllegalStateException("default-queries.properties is missing from the jar");
    }
    return new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
  }

  private static Map<String, String> read(Reader reader, String source) {
    Properties p = new Properties();
    try (reader) {
      p.load(reader);
    } catch (IOException | IllegalArgumentException e) {
      throw new InputException("--queries: " + source + " is not a properties file: " + e);
    }
    Map<String, String> entries = new TreeMap<>();
    for (String key : p.stringPropertyNames()) {
      String query = p.getProperty(key).trim();
      Matcher m = PLACEHOLDER.matcher(query);
      while (m.find()) {
        if (!m.group(1).equals("window")) {
          throw new InputException(
              "--queries: "
                  + source
                  + ": query '"
                  + key
                  + "' uses ${"
                  + m.group(1)
                  + "}; the only placeholder is ${window}");
        }
      }
      entries.put(key.trim(), query);
    }
    return entries;
  }
}
