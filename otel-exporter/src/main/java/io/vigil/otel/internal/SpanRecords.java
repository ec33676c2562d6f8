package io.vigil.otel.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finished spans reduced to what learning reads, in preallocated slots of primitive arrays: the
 * pairing key as three longs, the role, the error bit, duration and end, and references to the
 * service, operation and peer names (strings the span shares with its resource and attributes). A
 * span is read once, by {@link #write}, on the exporting thread; no {@link SpanData} is kept past
 * that call, so none outlives the export and young collections find nothing of it to copy.
 *
 * <p>The pairing key is the servicegraph connector's: a client or producer by (its trace id, its
 * span id), a server by (trace id, parent span id), a consumer by its first link when it has one.
 * Not thread-safe: one writer at a time, and a slot is read only after its writer has published it.
 */
final class SpanRecords {

  static final byte INTERNAL = 0;
  static final byte SERVER = 1;
  static final byte CONSUMER = 2;
  static final byte CLIENT = 3;
  static final byte PRODUCER = 4;

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final String UNKNOWN_SERVICE = "unknown_service";
  private static final byte ERROR = 1;
  private static final byte DATABASE = 2;
  private static final byte KEYED = 4;
  private static final byte[] HEX = new byte[128];

  static {
    for (int i = 0; i < 10; i++) {
      HEX['0' + i] = (byte) i;
    }
    for (int i = 0; i < 6; i++) {
      HEX['a' + i] = (byte) (10 + i);
      HEX['A' + i] = (byte) (10 + i);
    }
  }

  private final int mask;
  private final byte[] role;
  private final byte[] flags;
  private final long[] traceHigh;
  private final long[] traceLow;
  private final long[] spanId;
  private final long[] durationNanos;
  private final long[] endNanos;
  private final int[] peerPort;
  private final String[] service;
  private final @Nullable String[] operation;
  private final @Nullable String[] peer;
  private @Nullable Resource lastResource;
  private String lastService = UNKNOWN_SERVICE;

  /** Slots for {@code capacity} spans, rounded up to a power of two. */
  SpanRecords(int capacity) {
    int size = Integer.highestOneBit(Math.max(1, capacity - 1)) << 1;
    mask = size - 1;
    role = new byte[size];
    flags = new byte[size];
    traceHigh = new long[size];
    traceLow = new long[size];
    spanId = new long[size];
    durationNanos = new long[size];
    endNanos = new long[size];
    peerPort = new int[size];
    service = new String[size];
    operation = new String[size];
    peer = new String[size];
  }

  /** Number of slots. */
  int capacity() {
    return mask + 1;
  }

  /** The slot of a running position: positions wrap around the slots. */
  int slot(long position) {
    return (int) (position & mask);
  }

  /** Reduces {@code span} into {@code slot}, reading everything learning needs now. */
  void write(int slot, SpanData span) {
    byte kind = role(span.getKind());
    role[slot] = kind;
    service[slot] = serviceOf(span.getResource());
    long start = span.getStartEpochNanos();
    long end = span.getEndEpochNanos();
    durationNanos[slot] = end - start;
    endNanos[slot] = end;
    operation[slot] = null;
    peer[slot] = null;
    peerPort[slot] = -1;
    byte bits = 0;
    if (kind == SERVER || kind == CONSUMER) {
      operation[slot] = span.getName();
      bits |= ErrorRules.failed(span, true) ? ERROR : 0;
      SpanContext key = serverKey(span, kind);
      if (key != null) {
        bits |= KEYED;
        key(slot, key);
      }
    } else if (kind == CLIENT || kind == PRODUCER) {
      operation[slot] = span.getName();
      Attributes attributes = span.getAttributes();
      bits |= ErrorRules.failed(span, false) ? ERROR : 0;
      bits |= KEYED;
      if (kind == CLIENT && PeerNames.isDatabase(attributes)) {
        bits |= DATABASE;
      }
      String label = PeerNames.label(attributes);
      if (label != null) {
        peer[slot] = label;
        peerPort[slot] = PeerNames.port(attributes);
      }
      key(slot, span.getSpanContext());
    }
    flags[slot] = bits;
  }

  private static byte role(SpanKind kind) {
    return switch (kind) {
      case SERVER -> SERVER;
      case CONSUMER -> CONSUMER;
      case CLIENT -> CLIENT;
      case PRODUCER -> PRODUCER;
      default -> INTERNAL;
    };
  }

  /** The client's context a server span answers: its parent, or a consumer's first link. */
  private static @Nullable SpanContext serverKey(SpanData span, byte kind) {
    if (kind == CONSUMER) {
      List<LinkData> links = span.getLinks();
      if (!links.isEmpty()) {
        return links.get(0).getSpanContext();
      }
    }
    SpanContext parent = span.getParentSpanContext();
    return parent.isValid() ? parent : null;
  }

  private void key(int slot, SpanContext context) {
    String trace = context.getTraceId();
    traceHigh[slot] = hex(trace, 0, 16);
    traceLow[slot] = hex(trace, 16, 32);
    spanId[slot] = hex(context.getSpanId(), 0, 16);
  }

  /**
   * The hexadecimal digits in [from, to) as a long. The SDK hands out valid lower-case ids (an
   * invalid context's are all zeros); any other character reads as 0.
   */
  private static long hex(String id, int from, int to) {
    long value = 0;
    for (int i = from, n = Math.min(to, id.length()); i < n; i++) {
      char c = id.charAt(i);
      value = (value << 4) | (c < 128 ? HEX[c] : 0);
    }
    return value;
  }

  private String serviceOf(Resource resource) {
    if (resource != lastResource) {
      String name = resource.getAttribute(SERVICE_NAME);
      lastService = name == null || name.isEmpty() ? UNKNOWN_SERVICE : name;
      lastResource = resource;
    }
    return lastService;
  }

  byte role(int slot) {
    return role[slot];
  }

  boolean error(int slot) {
    return (flags[slot] & ERROR) != 0;
  }

  boolean database(int slot) {
    return (flags[slot] & DATABASE) != 0;
  }

  /** Whether the span has a pairing key (a server span without a valid parent has none). */
  boolean keyed(int slot) {
    return (flags[slot] & KEYED) != 0;
  }

  long traceHigh(int slot) {
    return traceHigh[slot];
  }

  long traceLow(int slot) {
    return traceLow[slot];
  }

  long spanId(int slot) {
    return spanId[slot];
  }

  long durationNanos(int slot) {
    return durationNanos[slot];
  }

  long endMillis(int slot) {
    return endNanos[slot] / 1_000_000;
  }

  String service(int slot) {
    return service[slot];
  }

  /** A server, consumer, client or producer span's name (null for an internal one). */
  @Nullable String operation(int slot) {
    return operation[slot];
  }

  /** A client span's peer as the attributes name it, without port. */
  @Nullable String peer(int slot) {
    return peer[slot];
  }

  /** The port that goes with {@link #peer}, or -1. */
  int peerPort(int slot) {
    return peerPort[slot];
  }
}
