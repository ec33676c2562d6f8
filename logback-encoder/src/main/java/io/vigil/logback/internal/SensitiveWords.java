package io.vigil.logback.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The words that make a name sensitive ({@code password}, {@code apikey}, ...), found in a name
 * ignoring case and the separators {@code _}, {@code -}, {@code .} and space: with the word {@code
 * apikey}, {@code api_key}, {@code apiKey} and {@code X-Api-Key} all contain it.
 */
public final class SensitiveWords {

  private final char[][] words;

  /** Which characters (lower case, below 128) start a word: most positions start none. */
  private final boolean[] firstLetters = new boolean[128];

  /**
   * Creates the set of words.
   *
   * @param words the sensitive words; each must contain a letter or a digit
   * @throws IllegalArgumentException naming a word that has no letter or digit
   */
  public SensitiveWords(List<String> words) {
    Objects.requireNonNull(words, "words");
    List<char[]> normalized = new ArrayList<>(words.size());
    for (String word : words) {
      String letters = normalize(Objects.requireNonNull(word, "word"));
      if (letters.isEmpty()) {
        throw new IllegalArgumentException(
            "Sensitive word '"
                + word
                + "' has no letter or digit; expected a word such as"
                + " 'password'");
      }
      normalized.add(letters.toCharArray());
    }
    this.words = normalized.toArray(new char[0][]);
    for (char[] word : this.words) {
      if (word[0] < firstLetters.length) {
        firstLetters[word[0]] = true;
      }
    }
  }

  /** Returns whether there are no words at all. */
  public boolean isEmpty() {
    return words.length == 0;
  }

  /**
   * Returns whether {@code text} from {@code from} (inclusive) to {@code to} (exclusive) contains
   * one of the words.
   */
  public boolean containsAny(CharSequence text, int from, int to) {
    for (int start = from; start < to; start++) {
      char first = lowerCase(text.charAt(start));
      if (first < firstLetters.length && !firstLetters[first]) {
        continue;
      }
      for (char[] word : words) {
        if (word[0] == first && start + word.length <= to && matchesAt(text, start, to, word)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether {@code word} occurs in {@code text} from {@code start}, skipping separators. */
  private static boolean matchesAt(CharSequence text, int start, int end, char[] word) {
    int position = start + 1;
    for (int i = 1; i < word.length; i++) {
      while (position < end && isSeparator(text.charAt(position))) {
        position++;
      }
      if (position >= end || lowerCase(text.charAt(position)) != word[i]) {
        return false;
      }
      position++;
    }
    return true;
  }

  private static char lowerCase(char c) {
    if (c < 128) {
      return c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
    }
    return Character.toLowerCase(c);
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
