package io.vigil.otel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigurationException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** otel.traces.exporter=vigil through the SDK's own autoconfiguration. */
class AutoConfigurationTest {

  private static OpenTelemetrySdk configure(Map<String, String> extra) {
    Map<String, String> properties = new HashMap<>();
    properties.put("otel.traces.exporter", "vigil");
    properties.put("otel.metrics.exporter", "none");
    properties.put("otel.logs.exporter", "none");
    properties.put("otel.service.name", "checkout");
    properties.put("otel.bsp.schedule.delay", "10ms");
    properties.putAll(extra);
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> properties)
        .disableShutdownHook()
        .build()
        .getOpenTelemetrySdk();
  }

  @Test
  void theVigilExporterLearnsFromTheSpansOfAnAutoconfiguredSdk() throws Exception {
    OpenTelemetrySdk sdk = configure(Map.of("otel.vigil.step", "10s", "otel.vigil.max.edges", "5"));
    Tracer tracer = sdk.getTracer("test");
    tracer
        .spanBuilder("SELECT orders")
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute("db.system.name", "postgresql")
        .setAttribute("db.namespace", "orders")
        .startSpan()
        .end();
    assertThat(
            sdk.getSdkTracerProvider()
                .forceFlush()
                .join(10, java.util.concurrent.TimeUnit.SECONDS)
                .isSuccess())
        .isTrue();

    // The processor's flush does not flush its exporter; learning finishes on its own thread.
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!sdk.getSdkTracerProvider().toString().contains("edgeCalls=1")
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    String description = sdk.getSdkTracerProvider().toString();
    assertThat(description).contains("VigilSpanExporter").contains("edgeCalls=1");
    sdk.close();
  }

  @Test
  void badPropertiesAreRejectedNamingThePropertyAndTheExpectedForm() {
    assertThatThrownBy(() -> configure(Map.of("otel.vigil.step", "soon")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining(
            "otel.vigil.step must be a positive duration such as 500ms, 30s or 1m but was 'soon'");
    assertThatThrownBy(() -> configure(Map.of("otel.vigil.max.services", "-3")))
        .hasMessageContaining("otel.vigil.max.services must be an integer >= 1 but was '-3'");
    assertThatThrownBy(() -> configure(Map.of("otel.vigil.learning.cpu.share", "0")))
        .hasMessageContaining(
            "otel.vigil.learning.cpu.share must be a number in (0, 1], such as 0.25, but was '0'");
    assertThatThrownBy(() -> configure(Map.of("otel.vigil.events.enabled", "yes")))
        .hasMessageContaining("otel.vigil.events.enabled must be true or false but was 'yes'");
  }
}
