package io.vigil.demo;

import java.time.Duration;

/** The demo's own settings, read by the shared context. */
final class DemoProperties {

  /** The analysis step: how often signals are taken. */
  static final String STEP = "vigil.demo.step";

  /** Default step: one second, so that a diagnosis fits in minutes. */
  static final Duration DEFAULT_STEP = Duration.ofSeconds(1);

  /** An OTLP/HTTP metrics URL the graph metrics are also sent to; unset: none. */
  static final String GRAPH_METRICS_OTLP_URL = "vigil.demo.graph-metrics.otlp-url";

  /** The console's port; 0 (the default) takes a free one. */
  static final String CONSOLE_PORT = "vigil.demo.console-port";

  private DemoProperties() {}
}
