package io.vigil.otel.internal;

/** How a call crossed between two nodes, as the Collector's {@code connection_type} label says. */
enum ConnectionType {
  /** A request paired from its client and server spans. */
  DIRECT(""),
  /** A message paired from its producer and consumer spans. */
  MESSAGING_SYSTEM("messaging_system"),
  /** A database call, known from its client span alone. */
  DATABASE("database"),
  /** A call to a peer that reported no server span, named from the client span's attributes. */
  VIRTUAL_NODE("virtual_node");

  private final String label;

  ConnectionType(String label) {
    this.label = label;
  }

  String label() {
    return label;
  }
}
