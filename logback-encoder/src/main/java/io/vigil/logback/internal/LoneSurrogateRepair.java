package io.vigil.logback.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * An output stream between Jackson and the real one that rewrites every escaped unpaired surrogate
 * in the JSON ({@code \uD800}, which Jackson writes for invalid UTF-16 and strict parsers such as
 * {@code jq} reject) as {@code \uFFFD}, the replacement character, in place: both escapes are six
 * bytes. Escaped surrogate pairs and escaped backslashes are left alone.
 *
 * <p>One pass over the bytes, eight at a time between {@code \}{@code u} escapes, no allocation: an
 * escape split between two writes is held back (at most eleven bytes) until the next write or the
 * flush that ends the event. Reused per thread, connected to the target stream for one event at a
 * time.
 */
public final class LoneSurrogateRepair extends OutputStream {

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final byte[] REPLACEMENT = {'\\', 'u', 'F', 'F', 'F', 'D'};

  /** A backslash in each of eight bytes. */
  private static final long BACKSLASHES = 0x5C5C5C5C5C5C5C5CL;

  /** A {@code u} in each of eight bytes. */
  private static final long LETTER_U = 0x7575757575757575L;

  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /** An escape and, when it is a high surrogate, the low one that may follow. */
  private static final int LONGEST = 12;

  private @Nullable OutputStream target;
  private byte[] pending = new byte[LONGEST * 2];
  private int pendingLength;

  /** Returns whether the stream is connected to a target, that is, in use. */
  public boolean isConnected() {
    return target != null;
  }

  /** Connects the stream to the target that receives the repaired bytes. */
  public void connect(OutputStream out) {
    target = out;
    pendingLength = 0;
  }

  /**
   * Disconnects the target, after writing what is held back when the event was written whole.
   *
   * @param written whether the event was written whole; if not, what is held back is dropped
   */
  public void disconnect(boolean written) throws IOException {
    try {
      if (written) {
        writePending();
      }
    } finally {
      target = null;
      pendingLength = 0;
    }
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] bytes, int offset, int length) throws IOException {
    if (pendingLength == 0) {
      int done = repair(bytes, offset, offset + length, false);
      target().write(bytes, offset, done - offset);
      hold(bytes, done, offset + length);
      return;
    }
    byte[] joined = Arrays.copyOf(pending, pendingLength + length);
    System.arraycopy(bytes, offset, joined, pendingLength, length);
    pendingLength = 0;
    int done = repair(joined, 0, joined.length, false);
    target().write(joined, 0, done);
    hold(joined, done, joined.length);
  }

  @Override
  public void flush() throws IOException {
    writePending();
    target().flush();
  }

  /**
   * Repairs the escapes in {@code bytes[from, to)} and returns where the repaired bytes end: unless
   * {@code last}, the bytes after that are an escape that may continue in the next write. {@code
   * from} is never inside an escape.
   *
   * <p>Seven pairs of bytes at a time (one word, as a word-wide zero-byte test), it stops only
   * where a {@code u} follows a backslash, which in JSON that Jackson writes is rare (a control
   * character or an escaped non-ASCII one), so a stack trace's many {@code \n\t} escapes cost no
   * stop. The last few bytes go one at a time.
   */
  private static int repair(byte[] bytes, int from, int to, boolean last) {
    int i = from;
    while (i + Long.BYTES <= to) {
      long word = (long) LONGS.get(bytes, i);
      // A zero byte k where byte k is a backslash and byte k + 1 a u; byte 7 is never zero.
      long pairs = (word ^ BACKSLASHES) | ((word >>> Byte.SIZE) ^ LETTER_U);
      if (((pairs - ONES) & ~pairs & HIGHS) == 0) {
        i += Long.BYTES - 1; // the next word starts with this one's last byte
        continue;
      }
      int at = i + (Long.numberOfTrailingZeros(zeroBytes(pairs)) >>> 3); // the backslash
      if (!startsEscape(bytes, from, at)) {
        i = at + 2; // an escaped backslash, then a plain u
        continue;
      }
      i = unicodeEscape(bytes, at, to, last);
      if (i < 0) {
        return at;
      }
    }
    if (i > from && startsEscape(bytes, from, i - 1)) {
      i--; // the escape of the byte at i starts before it
    }
    return repairTail(bytes, i, to, last);
  }

  /** Repairs {@code bytes[from, to)} one escape at a time; as {@link #repair}. */
  private static int repairTail(byte[] bytes, int from, int to, boolean last) {
    int i = from;
    while (i < to) {
      if (bytes[i] != '\\') {
        i++;
      } else if (i + 1 < to && bytes[i + 1] != 'u') {
        i += 2; // \\ \" \n ...: the escaped byte never starts an escape
      } else {
        int next = unicodeEscape(bytes, i, to, last);
        if (next < 0) {
          return i;
        }
        i = next;
      }
    }
    return to;
  }

  /**
   * Repairs the {@code \}{@code u} escape starting at {@code i} and returns where the next byte to
   * look at is, or -1 when the escape may continue in the next write.
   */
  private static int unicodeEscape(byte[] bytes, int i, int to, boolean last) {
    if (i + 6 > to) {
      return last ? to : -1;
    }
    int unit = surrogate(bytes, i);
    if (unit < 0) {
      return i + 6;
    }
    if (unit < 0xDC00 && i + LONGEST > to && !last && mayBeLowSurrogate(bytes, i + 6, to)) {
      return -1;
    }
    if (unit < 0xDC00 && i + LONGEST <= to && surrogate(bytes, i + 6) >= 0xDC00) {
      return i + LONGEST; // a pair, written escaped: valid
    }
    System.arraycopy(REPLACEMENT, 0, bytes, i, REPLACEMENT.length);
    return i + 6;
  }

  /**
   * Whether the backslash at {@code at} starts an escape: it does when the run of backslashes
   * ending at it, counted back to {@code from} (never inside an escape), is odd.
   */
  private static boolean startsEscape(byte[] bytes, int from, int at) {
    int k = at;
    while (k >= from && bytes[k] == '\\') {
      k--;
    }
    return ((at - k) & 1) == 1;
  }

  /** The top bit of each zero byte of {@code word}, and no other bit. */
  private static long zeroBytes(long word) {
    long low7 = 0x7F7F7F7F7F7F7F7FL;
    return ~(((word & low7) + low7) | word | low7);
  }

  /** Whether the bytes from {@code from} to {@code to} may begin a low-surrogate escape. */
  private static boolean mayBeLowSurrogate(byte[] bytes, int from, int to) {
    return (from >= to || bytes[from] == '\\')
        && (from + 1 >= to || bytes[from + 1] == 'u')
        && (from + 2 >= to || (bytes[from + 2] | 0x20) == 'd');
  }

  /** The UTF-16 unit of the {@code \}{@code uXXXX} escape at {@code i} if a surrogate, else -1. */
  private static int surrogate(byte[] bytes, int i) {
    if (bytes[i] != '\\' || bytes[i + 1] != 'u' || (bytes[i + 2] | 0x20) != 'd') {
      return -1;
    }
    int unit = 0xD000;
    for (int k = 3; k < 6; k++) {
      int digit = Character.digit(bytes[i + k], 16);
      if (digit < 0) {
        return -1;
      }
      unit |= digit << (4 * (5 - k));
    }
    return unit >= 0xD800 ? unit : -1;
  }

  private void hold(byte[] bytes, int from, int to) {
    int length = to - from;
    if (length > pending.length) {
      pending = new byte[length];
    }
    System.arraycopy(bytes, from, pending, 0, length);
    pendingLength = length;
  }

  private void writePending() throws IOException {
    if (pendingLength > 0 && target != null) {
      int length = pendingLength;
      pendingLength = 0;
      repair(pending, 0, length, true);
      target.write(pending, 0, length);
    }
  }

  private OutputStream target() throws IOException {
    OutputStream out = target;
    if (out == null) {
      throw new IOException("Not connected to a target stream");
    }
    return out;
  }

  /**
   * Returns {@code text} with every unpaired surrogate replaced by U+FFFD, or {@code text} itself
   * when it has none; for values serialized ahead of time, which Jackson would reject.
   */
  public static String repair(String text) {
    char[] chars = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        if (chars == null) {
          chars = text.toCharArray();
        }
        chars[i] = '\uFFFD';
      }
    }
    return chars == null ? text : new String(chars);
  }
}
