package io.vigil.spring;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of Vigil's log lines about anomalies and incident reports, under {@code
 * vigil.logging}.
 */
@ConfigurationProperties("vigil.logging")
public class VigilLoggingProperties {

  /**
   * Whether each anomaly and each incident report is logged as a structured line (loggers {@code
   * io.vigil.anomaly} and {@code io.vigil.live.report}).
   */
  private boolean enabled = true;

  /** Returns whether anomalies and reports are logged. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether anomalies and reports are logged. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }
}
