package io.vigil.spring;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vigil.logback.VigilJsonEncoder;
import io.vigil.spring.internal.ServiceVersion;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.structured.StructuredLogFormatter;
import org.springframework.core.env.Environment;

/**
 * Vigil's JSON log lines through Spring Boot's structured logging, with no {@code logback.xml}:
 * {@code logging.structured.format.console=io.vigil.spring.VigilStructuredLogFormatter} (or {@code
 * .file}). Boot resolves only its own short names ({@code ecs}, {@code gelf}, {@code logstash}), so
 * the class name is the way to name it.
 *
 * <p>Each line is what {@link VigilJsonEncoder} writes, from the same encoder: the same fields,
 * masking, truncation and trace ids. The service comes from {@code spring.application.name}; the
 * version is the {@code BuildProperties} version when the build wrote {@code build-info.properties}
 * (where {@code spring.info.build.location} says), else {@code spring.application.version}.
 */
public final class VigilStructuredLogFormatter implements StructuredLogFormatter<ILoggingEvent> {

  private final VigilJsonEncoder encoder;

  /** Called by Spring Boot's logging system with the application's environment. */
  public VigilStructuredLogFormatter(Environment environment) {
    this(environment.getProperty("spring.application.name"), ServiceVersion.of(environment));
  }

  VigilStructuredLogFormatter(@Nullable String serviceName, @Nullable String serviceVersion) {
    encoder = new VigilJsonEncoder();
    encoder.setContext(loggerContext());
    encoder.setServiceName(serviceName);
    encoder.setServiceVersion(serviceVersion);
    encoder.setLineSeparator("\n");
    encoder.start();
  }

  @Override
  public String format(ILoggingEvent event) {
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }

  @Override
  public byte[] formatAsBytes(ILoggingEvent event, Charset charset) {
    byte[] utf8 = encoder.encode(event);
    return StandardCharsets.UTF_8.equals(charset)
        ? utf8
        : new String(utf8, StandardCharsets.UTF_8).getBytes(charset);
  }

  private static LoggerContext loggerContext() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    return factory instanceof LoggerContext context ? context : new LoggerContext();
  }
}
