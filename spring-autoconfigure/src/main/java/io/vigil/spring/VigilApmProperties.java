package io.vigil.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of Vigil's APM request tracking from Micrometer Observations, under {@code vigil.apm}.
 */
@ConfigurationProperties("vigil.apm")
public class VigilApmProperties {

  /**
   * Whether to track server requests with Vigil's APM handler (off: Spring Boot already times
   * {@code http.server.requests}).
   */
  private boolean enabled = false;

  /**
   * The base name of the APM meters; not Boot's {@code http.server.requests}, so that a request is
   * not timed twice under one name.
   */
  private String name = "vigil.apm.requests";

  /** How many requests may be in flight at once; more are counted, not tracked. */
  private int maxActive = 10_000;

  /** How long a request may stay in flight before it is counted as expired. */
  private Duration timeout = Duration.ofMinutes(5);

  /** Returns whether APM tracking is on. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether APM tracking is on. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Returns the base meter name. */
  public String getName() {
    return name;
  }

  /** Sets the base meter name. */
  public void setName(String name) {
    this.name = name;
  }

  /** Returns the cap on requests in flight. */
  public int getMaxActive() {
    return maxActive;
  }

  /** Sets the cap on requests in flight. */
  public void setMaxActive(int maxActive) {
    this.maxActive = maxActive;
  }

  /** Returns the in-flight timeout. */
  public Duration getTimeout() {
    return timeout;
  }

  /** Sets the in-flight timeout. */
  public void setTimeout(Duration timeout) {
    this.timeout = timeout;
  }
}
