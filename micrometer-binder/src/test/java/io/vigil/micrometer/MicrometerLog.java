package io.vigil.micrometer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Collects, at every level, what Micrometer logs to one logger while the test runs: Micrometer logs
 * through SLF4J when it is bound, and some of its warnings come once per JVM and at debug level
 * after that.
 */
final class MicrometerLog implements AutoCloseable {

  private final Logger logger;
  private final Level level;
  private final boolean additive;
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  private MicrometerLog(String name) {
    logger = (Logger) LoggerFactory.getLogger(name);
    level = logger.getLevel();
    additive = logger.isAdditive();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    logger.setAdditive(false);
  }

  /** Where Micrometer logs that a meter was registered twice. */
  static MicrometerLog doubleRegistrations() {
    return new MicrometerLog(MeterRegistry.class.getName());
  }

  /** Where Micrometer logs about a registry of this class (a filter configured too late). */
  static MicrometerLog of(Class<? extends MeterRegistry> registry) {
    return new MicrometerLog(registry.getName());
  }

  /** The messages logged so far that contain {@code text}. */
  List<String> messages(String text) {
    return appender.list.stream()
        .map(ILoggingEvent::getFormattedMessage)
        .filter(message -> message.contains(text))
        .toList();
  }

  /** The double-registration messages logged so far. */
  List<String> doubleRegistrationMessages() {
    return messages("has been already registered");
  }

  @Override
  public void close() {
    logger.setLevel(level);
    logger.setAdditive(additive);
    logger.detachAppender(appender);
  }
}
