package io.vigil.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of Vigil's span exporter, which learns the call graph and RED signals from the spans
 * Spring Boot's OpenTelemetry SDK exports, under {@code vigil.otel}; each default is the library's.
 * Its step is the live analyzer's, its graph bounds {@code vigil.live.graph.*}.
 */
@ConfigurationProperties("vigil.otel")
public class VigilOtelProperties {

  /** Whether to learn from spans, and to emit anomalies and reports as OpenTelemetry events. */
  private boolean enabled = true;

  /** How long an unpaired client or server span waits for its other side. */
  private Duration pendingTtl = Duration.ofSeconds(10);

  /** Cap on unpaired spans held at once. */
  private int maxPendingSpans = 10_000;

  /** Cap on operations (server span names) tracked per service. */
  private int maxOperationsPerService = 100;

  /** Batches waiting for the learning thread; a full queue skips learning, never exporting. */
  private int learningQueueSize = 64;

  /** Returns whether span learning and events are on. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether span learning and events are on. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Returns how long an unpaired span waits. */
  public Duration getPendingTtl() {
    return pendingTtl;
  }

  /** Sets how long an unpaired span waits. */
  public void setPendingTtl(Duration pendingTtl) {
    this.pendingTtl = pendingTtl;
  }

  /** Returns the cap on unpaired spans. */
  public int getMaxPendingSpans() {
    return maxPendingSpans;
  }

  /** Sets the cap on unpaired spans. */
  public void setMaxPendingSpans(int maxPendingSpans) {
    this.maxPendingSpans = maxPendingSpans;
  }

  /** Returns the cap on operations per service. */
  public int getMaxOperationsPerService() {
    return maxOperationsPerService;
  }

  /** Sets the cap on operations per service. */
  public void setMaxOperationsPerService(int maxOperationsPerService) {
    this.maxOperationsPerService = maxOperationsPerService;
  }

  /** Returns the learning queue's size. */
  public int getLearningQueueSize() {
    return learningQueueSize;
  }

  /** Sets the learning queue's size. */
  public void setLearningQueueSize(int learningQueueSize) {
    this.learningQueueSize = learningQueueSize;
  }
}
