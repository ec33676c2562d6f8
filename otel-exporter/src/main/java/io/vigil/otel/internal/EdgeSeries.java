package io.vigil.otel.internal;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.vigil.rca.EdgeStats;
import org.jspecify.annotations.Nullable;

/**
 * One learned caller -> callee edge: its step windows as the client saw the calls ({@code edge.*})
 * and as the server saw them ({@code inbound.*}), its graph-metric attributes, and its stats in the
 * shared call graph.
 */
final class EdgeSeries {

  static final AttributeKey<String> CLIENT = AttributeKey.stringKey("client");
  static final AttributeKey<String> SERVER = AttributeKey.stringKey("server");
  static final AttributeKey<String> CONNECTION_TYPE = AttributeKey.stringKey("connection_type");

  final String caller;
  final String callee;
  final Attributes attributes;
  final RedWindow clientSide;
  final RedWindow serverSide;
  final @Nullable EdgeStats graphStats;

  EdgeSeries(String caller, String callee, ConnectionType type, @Nullable EdgeStats graphStats) {
    this.caller = caller;
    this.callee = callee;
    this.attributes = Attributes.of(CLIENT, caller, SERVER, callee, CONNECTION_TYPE, type.label());
    String suffix = "{caller=" + caller + "}";
    this.clientSide = new RedWindow("edge", suffix);
    this.serverSide = new RedWindow("inbound", suffix);
    this.graphStats = graphStats;
  }
}
