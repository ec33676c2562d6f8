package io.vigil.micrometer;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.LongTaskTimer;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.vigil.micrometer.internal.InFlightRequests;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The seed's {@code APMTracker} on Micrometer: starts and ends requests by id and records, under a
 * base name ({@code vigil.apm.requests} by default, beside Spring Boot's own {@code
 * http.server.requests}, whose tag keys differ):
 *
 * <ul>
 *   <li>{@code <name>}: a timer of request durations with a percentile histogram, tagged {@code
 *       uri}, {@code method}, {@code status}, {@code outcome} and {@code exception}; its count is
 *       the requests total;
 *   <li>{@code <name>.active}: a long task timer of the requests in flight, tagged {@code uri} and
 *       {@code method};
 *   <li>{@code <name>.expired}: requests that never ended within the timeout and were dropped;
 *   <li>{@code <name>.overflow}: requests not tracked because the in-flight limit was reached;
 *   <li>{@code <name>.invalid}: ends with a negative duration (a clock that went back), skipped.
 * </ul>
 *
 * <p>Each meter is made once as a Micrometer {@link Meter.MeterProvider} and looked up by its tags
 * per request. In-flight requests are bounded by a limit and expire after a timeout, so requests
 * that never end cannot grow memory. Never throws on the request path; thread-safe.
 */
public final class ApmTracker {

  /** The base meter name unless {@link Builder#name} says otherwise. */
  public static final String DEFAULT_NAME = "vigil.apm.requests";

  private static final String UNKNOWN = "UNKNOWN";

  private final Clock clock;
  private final Meter.MeterProvider<Timer> durations;
  private final Meter.MeterProvider<LongTaskTimer> active;
  private final InFlightRequests inFlight;
  private final Counter invalid;

  private ApmTracker(Builder builder) {
    MeterRegistry registry = builder.registry;
    String name = builder.name;
    this.clock = registry.config().clock();
    this.durations =
        Timer.builder(name)
            .description("Duration of HTTP server requests")
            .publishPercentileHistogram()
            .withRegistry(registry);
    this.active =
        LongTaskTimer.builder(name + ".active")
            .description("Requests in flight")
            .withRegistry(registry);
    this.inFlight =
        new InFlightRequests(
            builder.maxActive,
            builder.timeout.toNanos(),
            clock.monotonicTime(),
            Counter.builder(name + ".expired")
                .description("Requests that never ended within the timeout")
                .register(registry),
            Counter.builder(name + ".overflow")
                .description("Requests not tracked because too many were in flight")
                .register(registry));
    this.invalid =
        Counter.builder(name + ".invalid")
            .description("Requests that ended with a negative duration, skipped")
            .register(registry);
  }

  /** A tracker recording into this registry with the defaults. */
  public static ApmTracker create(MeterRegistry registry) {
    return builder(registry).build();
  }

  /** Starts configuring a tracker for this registry. */
  public static Builder builder(MeterRegistry registry) {
    return new Builder(registry);
  }

  /**
   * Starts tracking a request; a second start with an id in flight is ignored, and so is a null id.
   *
   * @param requestId any key with equals and hashCode, unique among requests in flight
   * @param endpoint the route, low cardinality ({@code /api/users/{id}}, not the raw path); null is
   *     recorded as {@code UNKNOWN}
   * @param method the HTTP method; null is recorded as {@code UNKNOWN}
   */
  public void startRequest(
      @Nullable Object requestId, @Nullable String endpoint, @Nullable String method) {
    if (requestId == null) {
      return;
    }
    String uri = endpoint != null ? endpoint : UNKNOWN;
    String verb = method != null ? method : UNKNOWN;
    long now = clock.monotonicTime();
    if (!inFlight.hasRoom(now)) {
      return;
    }
    LongTaskTimer.Sample sample = active.withTags("uri", uri, "method", verb).start();
    if (!inFlight.add(requestId, new InFlightRequests.Request(uri, verb, now, sample))) {
      sample.stop();
    }
  }

  /** Ends a request with its HTTP status; an unknown, expired or null id is ignored. */
  public void endRequest(@Nullable Object requestId, int statusCode) {
    endRequest(requestId, statusCode, null);
  }

  /** Ends a request with its HTTP status and the exception that ended it, if any. */
  public void endRequest(@Nullable Object requestId, int statusCode, @Nullable Throwable error) {
    end(
        requestId,
        null,
        null,
        Integer.toString(statusCode),
        Outcome.forStatus(statusCode).name(),
        exceptionTag(error));
  }

  /** How many requests are in flight. */
  public int activeRequests() {
    return inFlight.size();
  }

  /** Drops the requests in flight for longer than the timeout, counting each in {@code expired}. */
  public void expireStale() {
    inFlight.expireStale(clock.monotonicTime());
  }

  /**
   * Ends a request, overriding the endpoint and method given at start when the caller learned them
   * later (as an observation's key values are).
   */
  void end(
      @Nullable Object requestId,
      @Nullable String endpoint,
      @Nullable String method,
      String status,
      String outcome,
      String exception) {
    InFlightRequests.Request request = requestId == null ? null : inFlight.remove(requestId);
    if (request == null) {
      return;
    }
    request.active().stop();
    long duration = clock.monotonicTime() - request.startNanos();
    if (duration < 0) {
      invalid.increment();
      return;
    }
    durations
        .withTags(
            Tags.of(
                "uri", endpoint != null ? endpoint : request.endpoint(),
                "method", method != null ? method : request.method(),
                "status", status,
                "outcome", outcome,
                "exception", exception))
        .record(duration, TimeUnit.NANOSECONDS);
  }

  static String exceptionTag(@Nullable Throwable error) {
    if (error == null) {
      return "none";
    }
    String simple = error.getClass().getSimpleName();
    return simple.isEmpty() ? error.getClass().getName() : simple;
  }

  /** Configures an {@link ApmTracker}. */
  public static final class Builder {

    private final MeterRegistry registry;
    private String name = DEFAULT_NAME;
    private int maxActive = 10_000;
    private Duration timeout = Duration.ofMinutes(5);

    private Builder(MeterRegistry registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * The base meter name ({@value #DEFAULT_NAME}); not {@code http.server.requests}, which Spring
     * Boot records with other tag keys, so that both live in one Prometheus registry.
     */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("name must be a non-blank meter name but was " + name);
      }
      this.name = name;
      return this;
    }

    /** How many requests may be in flight at once (10,000); more are counted, not tracked. */
    public Builder maxActive(int maxActive) {
      if (maxActive < 1) {
        throw new IllegalArgumentException("maxActive must be at least 1 but was " + maxActive);
      }
      this.maxActive = maxActive;
      return this;
    }

    /** How long a request may stay in flight before it expires (5 minutes). */
    public Builder timeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException(
            "timeout must be a positive duration but was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /** Builds the tracker and registers its counters. */
    public ApmTracker build() {
      return new ApmTracker(this);
    }
  }
}
