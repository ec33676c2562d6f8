package io.vigil.micrometer.internal;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import org.jspecify.annotations.Nullable;

/**
 * Remembers the series refused at the cap, so that looking one up again does not count it again.
 *
 * <p>Bounded: a direct-mapped table of {@value #SLOTS} 64-bit fingerprints (512 KB, made at the
 * first refusal). A refused series is counted once while its slot holds it; one displaced by a
 * later refusal in the same slot is counted again when it returns. Thread-safe.
 */
final class RefusedSeries {

  static final int SLOTS = 1 << 16;

  private long @Nullable [] fingerprints;

  /** Records the refusal and tells whether this series is refused for the first time. */
  synchronized boolean firstRefusal(Meter.Id id) {
    long fingerprint = fingerprint(id);
    if (fingerprints == null) {
      fingerprints = new long[SLOTS];
    }
    int slot = (int) (fingerprint ^ (fingerprint >>> 32)) & (SLOTS - 1);
    if (fingerprints[slot] == fingerprint) {
      return false;
    }
    fingerprints[slot] = fingerprint;
    return true;
  }

  /** 64 bits from the name and tags; never 0, the empty slot. */
  private static long fingerprint(Meter.Id id) {
    long h = mix(id.getName().hashCode());
    for (Tag tag : id.getTagsAsIterable()) {
      h = mix(h ^ tag.getKey().hashCode());
      h = mix(h ^ tag.getValue().hashCode());
    }
    return h == 0 ? 1 : h;
  }

  /** The finalizer of SplitMix64: spreads every input bit over the 64 output bits. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
