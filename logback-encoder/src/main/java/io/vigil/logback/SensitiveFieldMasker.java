package io.vigil.logback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import net.logstash.logback.mask.FieldMasker;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.TokenStreamContext;

/**
 * A logstash-logback-encoder {@link FieldMasker} that masks the value of every field whose name
 * contains a sensitive word, ignoring case and the separators {@code _}, {@code -}, {@code .} and
 * space: with the word {@code apikey}, the fields {@code api_key}, {@code apiKey}, {@code
 * X-Api-Key} and {@code service.api.key} are all masked, at any depth (MDC, key-value pairs,
 * arguments).
 */
public final class SensitiveFieldMasker implements FieldMasker {

  /** The words masked by default: passwords, secrets, tokens, credentials and cookies. */
  public static final List<String> DEFAULT_WORDS =
      List.of("password", "passwd", "secret", "token", "authorization", "apikey", "cookie");

  /** Slots in the decision cache; a power of two. */
  static final int CACHE_SLOTS = 512;

  private final char[][] words;
  private final Object mask;

  /**
   * Decisions by field name, one per slot chosen by the name's hash; a name that finds its slot
   * taken by another is decided again (and takes the slot). Entries are immutable, so racing
   * threads at worst decide a name twice. Memory is bounded by the slot count.
   */
  private final Decision[] decisions = new Decision[CACHE_SLOTS];

  private record Decision(String name, boolean sensitive) {}

  /**
   * Creates a masker for the given words.
   *
   * @param words the sensitive words; each must contain a letter or a digit
   * @param mask the value written in place of a masked field's value
   * @throws IllegalArgumentException naming a word that has no letter or digit
   */
  public SensitiveFieldMasker(List<String> words, Object mask) {
    Objects.requireNonNull(words, "words");
    this.mask = Objects.requireNonNull(mask, "mask");
    List<char[]> normalized = new ArrayList<>(words.size());
    for (String word : words) {
      String letters = normalize(Objects.requireNonNull(word, "word"));
      if (letters.isEmpty()) {
        throw new IllegalArgumentException(
            "Sensitive field word '"
                + word
                + "' has no letter or digit; expected a word such as"
                + " 'password'");
      }
      normalized.add(letters.toCharArray());
    }
    this.words = normalized.toArray(new char[0][]);
  }

  @Override
  public @Nullable Object mask(TokenStreamContext context) {
    if (!context.hasCurrentName()) {
      return null;
    }
    String name = context.currentName();
    return name != null && isSensitive(name) ? mask : null;
  }

  /**
   * Returns whether a field of the given name is masked.
   *
   * @param fieldName the name of a JSON field
   */
  public boolean isSensitive(String fieldName) {
    int slot = fieldName.hashCode() & (CACHE_SLOTS - 1);
    Decision cached = decisions[slot];
    if (cached != null && (cached.name == fieldName || cached.name.equals(fieldName))) {
      return cached.sensitive;
    }
    boolean sensitive = containsAnyWord(fieldName);
    decisions[slot] = new Decision(fieldName, sensitive);
    return sensitive;
  }

  private boolean containsAnyWord(String name) {
    for (char[] word : words) {
      for (int start = 0; start < name.length(); start++) {
        if (matchesAt(name, start, word)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code word} occurs in {@code name} from {@code start}, skipping separators. */
  private static boolean matchesAt(String name, int start, char[] word) {
    int position = start;
    for (int i = 0; i < word.length; i++) {
      while (position < name.length() && isSeparator(name.charAt(position))) {
        if (i == 0) {
          return false;
        }
        position++;
      }
      if (position >= name.length() || Character.toLowerCase(name.charAt(position)) != word[i]) {
        return false;
      }
      position++;
    }
    return true;
  }

  private static boolean isSeparator(char c) {
    return c == '_' || c == '-' || c == '.' || c == ' ';
  }

  private static String normalize(String word) {
    StringBuilder letters = new StringBuilder(word.length());
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        letters.append(c);
      }
    }
    return letters.toString().toLowerCase(Locale.ROOT);
  }
}
