package io.vigil.spring.internal;

import io.vigil.detect.DetectorCatalog;
import io.vigil.detect.DetectorType;
import io.vigil.live.IncidentReportListener;
import io.vigil.live.LiveIncidentAnalyzer;
import io.vigil.live.LiveIncidentAnalyzerBuilder;
import io.vigil.rca.CallGraph;
import io.vigil.spring.VigilLiveProperties;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.env.Environment;

/**
 * Maps {@link VigilLiveProperties} onto the library's {@link LiveIncidentAnalyzerBuilder} and
 * {@link CallGraph}; a value the library refuses fails start-up naming the property.
 */
public final class LiveAnalyzerFactory {

  private static final String PREFIX = "vigil.live.";

  private LiveAnalyzerFactory() {}

  /** The call graph with the configured bounds. */
  public static CallGraph graph(VigilLiveProperties properties) {
    VigilLiveProperties.Graph bounds = properties.getGraph();
    try {
      return new CallGraph(bounds.getMaxServices(), bounds.getMaxEdges());
    } catch (IllegalArgumentException e) {
      throw InvalidVigilProperty.named(
          "vigil.live.graph",
          e,
          Map.of(),
          Map.of("maxServices", bounds.getMaxServices(), "maxEdges", bounds.getMaxEdges()));
    }
  }

  /**
   * The step of live analysis, which the span exporter shares: {@code vigil.live.step}, else the
   * registry's {@code vigil.anomaly.step}, else the library's one minute.
   */
  public static Duration step(VigilLiveProperties properties, Environment environment) {
    return properties.getStep() != null
        ? properties.getStep()
        : Binder.get(environment)
            .bind("vigil.anomaly.step", Duration.class)
            .orElse(LiveIncidentAnalyzerBuilder.DEFAULT_STEP);
  }

  /** The analyzer over this graph at this step, reporting to these listeners. */
  public static LiveIncidentAnalyzer analyzer(
      VigilLiveProperties properties,
      Duration step,
      CallGraph graph,
      List<IncidentReportListener> listeners) {
    LiveIncidentAnalyzerBuilder b = LiveIncidentAnalyzer.builder().graph(graph);
    InvalidVigilProperty.apply(PREFIX + "step", step, b::step);
    InvalidVigilProperty.apply(
        PREFIX + "detector",
        properties.getDetector(),
        name -> {
          DetectorType type =
              DetectorCatalog.find(name)
                  .orElseThrow(
                      () ->
                          new IllegalArgumentException(
                              "must name a detector of the catalog: "
                                  + DetectorCatalog.all().stream()
                                      .map(DetectorType::name)
                                      .toList()));
          InvalidVigilProperty.apply(
              PREFIX + "detector-settings",
              properties.getDetectorSettings(),
              settings -> b.detector(type.configure(settings)));
        });
    InvalidVigilProperty.apply(PREFIX + "history", properties.getHistory(), b::history);
    InvalidVigilProperty.apply(PREFIX + "settle", properties.getSettle(), b::settle);
    if (properties.getEventWindow() != null) {
      InvalidVigilProperty.apply(
          PREFIX + "event-window", properties.getEventWindow(), b::eventWindow);
    }
    b.persistence(properties.getPersistence())
        .maxSignals(properties.getMaxSignals())
        .maxReports(properties.getMaxReports())
        .maxAnomalies(properties.getMaxAnomalies());
    listeners.forEach(b::listener);
    try {
      return b.build();
    } catch (IllegalArgumentException e) {
      throw named(properties, e);
    }
  }

  private static InvalidConfigurationPropertyValueException named(
      VigilLiveProperties properties, IllegalArgumentException e) {
    return InvalidVigilProperty.named(
        "vigil.live",
        e,
        Map.of(),
        Map.of(
            "history", properties.getHistory(),
            "maxSignals", properties.getMaxSignals(),
            "maxReports", properties.getMaxReports(),
            "maxAnomalies", properties.getMaxAnomalies(),
            "persistence", properties.getPersistence()));
  }
}
