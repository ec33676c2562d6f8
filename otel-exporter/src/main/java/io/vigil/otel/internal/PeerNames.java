package io.vigil.otel.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import org.jspecify.annotations.Nullable;

/**
 * Names the peer of a client span that no server span answers, from its attributes, in the
 * precedence service-graph users settled on: {@code peer.service}, then {@code
 * server.address[:server.port]} (old conventions: {@code net.peer.name[:net.peer.port]}), then
 * {@code db.namespace} (old: {@code db.name}), then {@code db.system.name} (old: {@code
 * db.system}).
 */
final class PeerNames {

  static final AttributeKey<String> PEER_SERVICE = AttributeKey.stringKey("peer.service");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<String> NET_PEER_NAME = AttributeKey.stringKey("net.peer.name");
  static final AttributeKey<Long> NET_PEER_PORT = AttributeKey.longKey("net.peer.port");
  static final AttributeKey<String> DB_NAMESPACE = AttributeKey.stringKey("db.namespace");
  static final AttributeKey<String> DB_NAME = AttributeKey.stringKey("db.name");
  static final AttributeKey<String> DB_SYSTEM_NAME = AttributeKey.stringKey("db.system.name");
  static final AttributeKey<String> DB_SYSTEM = AttributeKey.stringKey("db.system");

  private PeerNames() {}

  /** The peer's name, or null when the span names none. */
  static @Nullable String peer(Attributes attributes) {
    String label = label(attributes);
    return label == null ? null : name(label, port(attributes));
  }

  /** The peer's name without its port ({@link #port}), or null when the span names none. */
  static @Nullable String label(Attributes attributes) {
    String name = attributes.get(PEER_SERVICE);
    if (name != null && !name.isEmpty()) {
      return name;
    }
    name = nonEmpty(attributes.get(SERVER_ADDRESS));
    if (name == null) {
      name = nonEmpty(attributes.get(NET_PEER_NAME));
    }
    if (name != null) {
      return name;
    }
    name = first(attributes, DB_NAMESPACE, DB_NAME);
    return name != null ? name : first(attributes, DB_SYSTEM_NAME, DB_SYSTEM);
  }

  /** The port that goes with the address {@link #label} chose, or -1 when it names none. */
  static int port(Attributes attributes) {
    if (nonEmpty(attributes.get(PEER_SERVICE)) != null) {
      return -1;
    }
    Long port;
    if (nonEmpty(attributes.get(SERVER_ADDRESS)) != null) {
      port = attributes.get(SERVER_PORT);
    } else if (nonEmpty(attributes.get(NET_PEER_NAME)) != null) {
      port = attributes.get(NET_PEER_PORT);
    } else {
      return -1;
    }
    return port == null ? -1 : port.intValue();
  }

  /** The peer's full name: the label, and {@code :port} when there is one. */
  static String name(String label, int port) {
    return port < 0 ? label : label + ":" + port;
  }

  /** Whether the span is a database call, which no server span will answer. */
  static boolean isDatabase(Attributes attributes) {
    return attributes.get(DB_SYSTEM_NAME) != null || attributes.get(DB_SYSTEM) != null;
  }

  private static @Nullable String nonEmpty(@Nullable String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static @Nullable String first(
      Attributes attributes, AttributeKey<String> current, AttributeKey<String> old) {
    String value = attributes.get(current);
    if (value == null || value.isEmpty()) {
      value = attributes.get(old);
    }
    return value == null || value.isEmpty() ? null : value;
  }
}
