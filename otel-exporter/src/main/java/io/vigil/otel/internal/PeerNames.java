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
    String name = attributes.get(PEER_SERVICE);
    if (name != null && !name.isEmpty()) {
      return name;
    }
    String address = hostPort(attributes, SERVER_ADDRESS, SERVER_PORT);
    if (address == null) {
      address = hostPort(attributes, NET_PEER_NAME, NET_PEER_PORT);
    }
    if (address != null) {
      return address;
    }
    name = first(attributes, DB_NAMESPACE, DB_NAME);
    return name != null ? name : first(attributes, DB_SYSTEM_NAME, DB_SYSTEM);
  }

  /** Whether the span is a database call, which no server span will answer. */
  static boolean isDatabase(Attributes attributes) {
    return attributes.get(DB_SYSTEM_NAME) != null || attributes.get(DB_SYSTEM) != null;
  }

  private static @Nullable String hostPort(
      Attributes attributes, AttributeKey<String> hostKey, AttributeKey<Long> portKey) {
    String host = attributes.get(hostKey);
    if (host == null || host.isEmpty()) {
      return null;
    }
    Long port = attributes.get(portKey);
    return port == null ? host : host + ":" + port;
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
