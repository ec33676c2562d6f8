package io.vigil.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON input file read whole and strictly (a duplicate key is an error), whose errors name the
 * file, the line and column, the JSON path ({@code $.graph.edges[0].caller}) and what was expected:
 * {@code incident.json:3:18: $.graph.edges[0].caller: expected a non-empty string}.
 */
public final class JsonFile {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** One step of a path: {@code .name}, {@code ["any name"]} or {@code [index]}. */
  private static final Pattern STEP =
      Pattern.compile("\\.([A-Za-z_][A-Za-z0-9_]*)|\\[\"((?:[^\"\\\\]|\\\\.)*)\"]|\\[(\\d+)]");

  private final Path file;
  private final JsonNode root;

  private JsonFile(Path file, JsonNode root) {
    this.file = file;
    this.root = root;
  }

  /**
   * Reads a file.
   *
   * @throws InputException for a missing file, or text that is not JSON (with line and column)
   */
  public static JsonFile read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new InputException(file + ": no such file");
    }
    try {
      return new JsonFile(file, MAPPER.readTree(file.toFile()));
    } catch (JacksonException e) {
      TokenStreamLocation at = e.getLocation();
      String where =
          at == null ? file.toString() : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw new InputException(where + ": not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** The document. */
  public JsonNode root() {
    return root;
  }

  /** {@code $.a} with a key quoted when it is not a plain name: {@code $["data/x.csv"]}. */
  public static String child(String path, String key) {
    return key.matches("[A-Za-z_][A-Za-z0-9_]*")
        ? path + "." + key
        : path + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
  }

  /**
   * Bad input at {@code path}: {@code file:line:column: path: expected ...}. The line and column
   * are those of the value, or of the object that lacks it.
   */
  public InputException bad(String path, String expected) {
    return error(path, "expected " + expected);
  }

  /** An input error about the value at {@code path}, with the file, line and column. */
  public InputException error(String path, String problem) {
    TokenStreamLocation at = locate(pointer(path));
    String where =
        at == null ? file.toString() : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
    return new InputException(where + ": " + path + ": " + problem);
  }

  /**
   * Rejects a key of the object at {@code path} that is not one of {@code known}, so that a
   * misspelt key ({@code "grpah"}) is an error rather than silently ignored.
   */
  public void onlyKeys(JsonNode object, String path, Collection<String> known) {
    for (String key : object.propertyNames()) {
      if (!known.contains(key)) {
        throw error(child(path, key), "unknown key; expected one of " + String.join(", ", known));
      }
    }
  }

  private static JsonPointer pointer(String path) {
    if (!path.startsWith("$")) {
      throw new IllegalArgumentException("not a JSON path: " + path);
    }
    JsonPointer pointer = JsonPointer.empty();
    Matcher m = STEP.matcher(path);
    int at = 1;
    while (at < path.length() && m.find(at) && m.start() == at) {
      if (m.group(1) != null) {
        pointer = pointer.appendProperty(m.group(1));
      } else if (m.group(2) != null) {
        pointer = pointer.appendProperty(m.group(2).replaceAll("\\\\(.)", "$1"));
      } else {
        pointer = pointer.appendIndex(Integer.parseInt(m.group(3)));
      }
      at = m.end();
    }
    return pointer;
  }

  /** Where the value at {@code target} starts, or its deepest present ancestor when absent. */
  private TokenStreamLocation locate(JsonPointer target) {
    TokenStreamLocation best = null;
    String wanted = target.toString();
    try (JsonParser p = MAPPER.createParser(file.toFile())) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.PROPERTY_NAME || t.isStructEnd()) {
          continue;
        }
        String here = p.streamReadContext().pathAsPointer().toString();
        if (here.equals(wanted)) {
          return p.currentTokenLocation();
        }
        if (t.isStructStart() && (wanted + "/").startsWith(here + "/")) {
          best = p.currentTokenLocation();
        } else if (t.isStructStart()) {
          p.skipChildren();
        }
      }
    } catch (JacksonException e) {
      // Read whole once already; a file changed under us keeps the best location found.
    }
    return best;
  }
}
