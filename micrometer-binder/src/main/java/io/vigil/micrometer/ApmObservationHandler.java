package io.vigil.micrometer;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.transport.RequestReplyReceiverContext;
import org.jspecify.annotations.Nullable;

/**
 * Feeds an {@link ApmTracker} from Micrometer Observations of server requests, so that any
 * instrumented framework (Spring MVC and WebFlux, gRPC, Jetty, ...) records the tracker's meters.
 *
 * <p>Handles every {@link RequestReplyReceiverContext}. The endpoint, method and status are read
 * from the observation's low-cardinality key values {@code uri}, {@code method}, {@code status} and
 * {@code outcome} when it stops, falling back to the contextual name. It records beside
 * Micrometer's {@code DefaultMeterObservationHandler}: the tracker's meters ({@code
 * vigil.apm.requests} by default) do not share a name with Spring Boot's {@code
 * http.server.requests}.
 */
public final class ApmObservationHandler implements ObservationHandler<Observation.Context> {

  private final ApmTracker tracker;

  /** Records into this tracker. */
  public ApmObservationHandler(ApmTracker tracker) {
    this.tracker = tracker;
  }

  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof RequestReplyReceiverContext<?, ?>;
  }

  @Override
  public void onStart(Observation.Context context) {
    tracker.startRequest(context, endpoint(context), valueOr(context, "method", "UNKNOWN"));
  }

  @Override
  public void onStop(Observation.Context context) {
    String status = valueOr(context, "status", "UNKNOWN");
    String outcome = valueOr(context, "outcome", outcomeOf(status));
    tracker.end(
        context,
        endpoint(context),
        valueOr(context, "method", "UNKNOWN"),
        status,
        outcome,
        ApmTracker.exceptionTag(context.getError()));
  }

  private static String endpoint(Observation.Context context) {
    String uri = value(context, "uri");
    if (uri != null) {
      return uri;
    }
    String contextual = context.getContextualName();
    return contextual != null ? contextual : context.getName();
  }

  private static String outcomeOf(String status) {
    try {
      return Outcome.forStatus(Integer.parseInt(status)).name();
    } catch (NumberFormatException e) {
      return Outcome.UNKNOWN.name();
    }
  }

  private static @Nullable String value(Observation.Context context, String key) {
    KeyValue keyValue = context.getLowCardinalityKeyValue(key);
    return keyValue != null ? keyValue.getValue() : null;
  }

  private static String valueOr(Observation.Context context, String key, String fallback) {
    String value = value(context, key);
    return value != null ? value : fallback;
  }
}
