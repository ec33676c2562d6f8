package io.vigil.spring;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Properties of the live incident analyzer, under {@code vigil.live}; each default is the library's
 * own.
 */
@ConfigurationProperties("vigil.live")
public class VigilLiveProperties {

  /** Whether to run live root-cause analysis over the registry's and the spans' signals. */
  private boolean enabled = true;

  /**
   * How often sources send each signal; unset, the anomaly registry's step ({@code
   * vigil.anomaly.step}).
   */
  private @Nullable Duration step;

  /** The detector of Vigil's catalog the analyzer runs on each signal. */
  private String detector = "ewma";

  /** Overrides of the analyzer's detector settings, such as threshold=4. */
  private Map<String, String> detectorSettings = new LinkedHashMap<>();

  /** Points kept per signal: the normal window, the incident and the settle time. */
  private int history = 120;

  /** How long an incident goes without a new anomaly before it is ranked and reported. */
  private Duration settle = Duration.ofMinutes(5);

  /**
   * How far before an incident a marked event (a deploy) counts, and its impact test's window;
   * unset, ten steps.
   */
  private @Nullable Duration eventWindow;

  /** Consecutive anomalous points before a signal raises an anomaly. */
  private int persistence = 2;

  /** Cap on signals tracked; values of further signals are counted and dropped. */
  private int maxSignals = 10_000;

  /** Reports kept for the endpoint and the page. */
  private int maxReports = 100;

  /** Cap on anomalies kept per incident and in the recent list. */
  private int maxAnomalies = 1_000;

  /** Bounds of the call graph learned from spans. */
  private final Graph graph = new Graph();

  /** Returns whether live analysis runs. */
  public boolean isEnabled() {
    return enabled;
  }

  /** Sets whether live analysis runs. */
  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  /** Returns the step, or null for the registry's. */
  public @Nullable Duration getStep() {
    return step;
  }

  /** Sets the step. */
  public void setStep(@Nullable Duration step) {
    this.step = step;
  }

  /** Returns the detector's catalog name. */
  public String getDetector() {
    return detector;
  }

  /** Sets the detector's catalog name. */
  public void setDetector(String detector) {
    this.detector = detector;
  }

  /** Returns the detector's setting overrides. */
  public Map<String, String> getDetectorSettings() {
    return detectorSettings;
  }

  /** Sets the detector's setting overrides. */
  public void setDetectorSettings(Map<String, String> detectorSettings) {
    this.detectorSettings = detectorSettings;
  }

  /** Returns the points kept per signal. */
  public int getHistory() {
    return history;
  }

  /** Sets the points kept per signal. */
  public void setHistory(int history) {
    this.history = history;
  }

  /** Returns the settle time. */
  public Duration getSettle() {
    return settle;
  }

  /** Sets the settle time. */
  public void setSettle(Duration settle) {
    this.settle = settle;
  }

  /** Returns the event window, or null for ten steps. */
  public @Nullable Duration getEventWindow() {
    return eventWindow;
  }

  /** Sets the event window. */
  public void setEventWindow(@Nullable Duration eventWindow) {
    this.eventWindow = eventWindow;
  }

  /** Returns the persistence in points. */
  public int getPersistence() {
    return persistence;
  }

  /** Sets the persistence in points. */
  public void setPersistence(int persistence) {
    this.persistence = persistence;
  }

  /** Returns the signal cap. */
  public int getMaxSignals() {
    return maxSignals;
  }

  /** Sets the signal cap. */
  public void setMaxSignals(int maxSignals) {
    this.maxSignals = maxSignals;
  }

  /** Returns the number of reports kept. */
  public int getMaxReports() {
    return maxReports;
  }

  /** Sets the number of reports kept. */
  public void setMaxReports(int maxReports) {
    this.maxReports = maxReports;
  }

  /** Returns the anomaly cap. */
  public int getMaxAnomalies() {
    return maxAnomalies;
  }

  /** Sets the anomaly cap. */
  public void setMaxAnomalies(int maxAnomalies) {
    this.maxAnomalies = maxAnomalies;
  }

  /** Returns the graph's bounds. */
  public Graph getGraph() {
    return graph;
  }

  /** Bounds of the learned call graph. */
  public static class Graph {

    /**
     * Most services the graph holds, virtual nodes included; further ones are counted and dropped.
     */
    private int maxServices = 1_000;

    /** Most caller-to-callee edges the graph holds; further ones are counted and dropped. */
    private int maxEdges = 10_000;

    /** Returns the service cap. */
    public int getMaxServices() {
      return maxServices;
    }

    /** Sets the service cap. */
    public void setMaxServices(int maxServices) {
      this.maxServices = maxServices;
    }

    /** Returns the edge cap. */
    public int getMaxEdges() {
      return maxEdges;
    }

    /** Sets the edge cap. */
    public void setMaxEdges(int maxEdges) {
      this.maxEdges = maxEdges;
    }
  }
}
