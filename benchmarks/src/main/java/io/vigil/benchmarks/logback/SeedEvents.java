package io.vigil.benchmarks.logback;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import io.vigil.logback.VigilJsonEncoder;
import java.util.Map;
import net.logstash.logback.encoder.LogstashEncoder;
import org.slf4j.event.KeyValuePair;

/** The seed's two example events and the two encoders, each at its defaults, for benchmarks. */
final class SeedEvents {

  private SeedEvents() {}

  /**
   * Builds the seed's info event (three key-value pairs) or its error event (an exception and two
   * key-value pairs), each with one MDC entry, ready for deferred processing as appenders do.
   */
  static LoggingEvent event(LoggerContext context, String kind) {
    Logger logger = context.getLogger("io.vigil.demo.UserService");
    boolean error = "error".equals(kind);
    LoggingEvent event =
        new LoggingEvent(
            Logger.class.getName(),
            logger,
            error ? Level.ERROR : Level.INFO,
            error ? "Operation failed" : "User login attempt",
            error ? new IllegalStateException("connection refused") : null,
            null);
    if (error) {
      event.addKeyValuePair(new KeyValuePair("operation", "risky_operation"));
      event.addKeyValuePair(new KeyValuePair("user_id", "user123"));
    } else {
      event.addKeyValuePair(new KeyValuePair("user_id", "user123"));
      event.addKeyValuePair(new KeyValuePair("ip_address", "192.168.1.100"));
      event.addKeyValuePair(new KeyValuePair("user_agent", "Mozilla/5.0..."));
    }
    event.setMDCPropertyMap(Map.of("request_id", "req-42"));
    event.prepareForDeferredProcessing();
    return event;
  }

  /** The baseline: logstash-logback-encoder's encoder at its defaults. */
  static LogstashEncoder logstash(LoggerContext context) {
    LogstashEncoder encoder = new LogstashEncoder();
    encoder.setContext(context);
    encoder.start();
    return encoder;
  }

  /** Vigil's encoder at its defaults (masking, value limit, trace lookup) plus a service. */
  static VigilJsonEncoder vigil(LoggerContext context) {
    VigilJsonEncoder encoder = new VigilJsonEncoder();
    encoder.setContext(context);
    encoder.setServiceName("user-service");
    encoder.setServiceVersion("1.0.0");
    encoder.start();
    return encoder;
  }
}
