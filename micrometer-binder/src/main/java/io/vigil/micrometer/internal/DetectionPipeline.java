package io.vigil.micrometer.internal;

import io.micrometer.common.util.internal.logging.WarnThenDebugLogger;
import io.micrometer.core.instrument.config.MeterFilter;
import io.vigil.live.SignalListener;
import io.vigil.micrometer.AnomalyListener;
import io.vigil.micrometer.VigilAnomalyMeterRegistry;
import io.vigil.micrometer.VigilAnomalySettings;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The anomaly-detecting registry's pipeline, made from its settings: the filter that admits the
 * watched meters up to the series cap, the step's detection over them, and the dispatch of what it
 * finds to the listeners; all counting into the registry's {@link AnomalyStats}.
 *
 * @param watchFilter admits the watched meters, up to the series cap
 * @param dispatch hands anomalies and signal values to the listeners
 * @param detection turns each step's meters into signals, scores and anomalies
 */
public record DetectionPipeline(
    WatchFilter watchFilter, ListenerDispatch dispatch, StepDetection detection) {

  /**
   * Makes the pipeline.
   *
   * @param settings the registry's validated settings
   * @param watch the filters that choose the watched meters, in order
   * @param listeners the anomaly listeners registered before the first step
   * @param signalListener receives every watched value and anomaly, or {@code null}
   * @param stats where the parts count what they do
   */
  public static DetectionPipeline create(
      VigilAnomalySettings settings,
      List<MeterFilter> watch,
      List<AnomalyListener> listeners,
      @Nullable SignalListener signalListener,
      AnomalyStats stats) {
    ListenerDispatch dispatch =
        new ListenerDispatch(
            listeners,
            signalListener,
            settings.serviceTag(),
            settings.serviceName(),
            stats,
            new WarnThenDebugLogger(AnomalyListener.class));
    WatchFilter watchFilter =
        new WatchFilter(
            watch,
            settings.maxSeries(),
            stats,
            new WarnThenDebugLogger(VigilAnomalyMeterRegistry.class));
    StepDetection detection =
        new StepDetection(
            settings.detectorFactory(),
            settings.signals(),
            settings.percentile(),
            settings.serviceTag(),
            settings.seriesExpiry().toMillis(),
            stats,
            dispatch,
            new WarnThenDebugLogger(StepDetection.class),
            new WarnThenDebugLogger(StepDetection.class));
    return new DetectionPipeline(watchFilter, dispatch, detection);
  }
}
