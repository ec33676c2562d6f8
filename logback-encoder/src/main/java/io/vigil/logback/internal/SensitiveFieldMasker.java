package io.vigil.logback.internal;

import java.util.Objects;
import net.logstash.logback.mask.FieldMasker;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.TokenStreamContext;

/**
 * A logstash-logback-encoder {@link FieldMasker} that masks the value of every field whose name
 * contains a {@link SensitiveWords sensitive word}, at any depth (MDC, key-value pairs, arguments).
 */
public final class SensitiveFieldMasker implements FieldMasker {

  /** Slots in the decision cache; a power of two. */
  static final int CACHE_SLOTS = 512;

  private final SensitiveWords words;
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
   * @param words the sensitive words
   * @param mask the value written in place of a masked field's value
   */
  public SensitiveFieldMasker(SensitiveWords words, Object mask) {
    this.words = Objects.requireNonNull(words, "words");
    this.mask = Objects.requireNonNull(mask, "mask");
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
    boolean sensitive = words.containsAny(fieldName, 0, fieldName.length());
    decisions[slot] = new Decision(fieldName, sensitive);
    return sensitive;
  }
}
