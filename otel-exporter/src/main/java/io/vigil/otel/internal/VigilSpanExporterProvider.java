package io.vigil.otel.internal;

import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * The autoconfigure SPI's span exporter {@code vigil}: {@code otel.traces.exporter=otlp,vigil} puts
 * Vigil beside the real exporter, configured by the {@code otel.vigil.*} properties.
 */
public final class VigilSpanExporterProvider implements ConfigurableSpanExporterProvider {

  /** The exporter's name in {@code otel.traces.exporter}. */
  public static final String NAME = "vigil";

  @Override
  public SpanExporter createExporter(ConfigProperties config) {
    return new AutoConfiguredVigil(VigilProperties.from(config));
  }

  @Override
  public String getName() {
    return NAME;
  }
}
