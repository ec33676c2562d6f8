package io.vigil.spring;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects what Micrometer logs (through SLF4J, to Logback) when a meter is registered twice. Its
 * logger warns once per JVM and logs at debug level after that, so this turns it up to debug while
 * it listens.
 */
final class MicrometerDoubleRegistrations implements AutoCloseable {

  private final Logger logger = (Logger) LoggerFactory.getLogger(MeterRegistry.class);
  private final Level level = logger.getLevel();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  MicrometerDoubleRegistrations() {
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
  }

  /** The double-registration messages logged so far, at any level. */
  List<String> messages() {
    return appender.list.stream()
        .map(ILoggingEvent::getFormattedMessage)
        .filter(message -> message.contains("has been already registered"))
        .toList();
  }

  @Override
  public void close() {
    logger.setLevel(level);
    logger.detachAppender(appender);
  }
}
