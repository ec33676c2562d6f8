package io.vigil.spring.internal;

import io.vigil.micrometer.AnomalyEvent;
import io.vigil.micrometer.AnomalyListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each anomaly of the registry as one structured line at INFO (a report, which groups them, is
 * logged at WARN), with the meter, signal, value and the detector's band as key-value pairs, which
 * Vigil's JSON format writes as fields.
 */
public final class AnomalyLogger implements AnomalyListener {

  private static final Logger LOG = LoggerFactory.getLogger("io.vigil.anomaly");

  @Override
  public void onAnomaly(AnomalyEvent event) {
    LOG.atInfo()
        .addKeyValue("vigil_event", "vigil.anomaly")
        .addKeyValue("anomaly_meter", event.name())
        .addKeyValue("anomaly_signal", event.signal().tagValue())
        .addKeyValue("anomaly_value", event.value())
        .addKeyValue("anomaly_expected", event.verdict().expected())
        .addKeyValue("anomaly_score", event.verdict().score())
        .log("anomaly in {} {}: {}", event.name(), event.signal().tagValue(), event.value());
  }
}
