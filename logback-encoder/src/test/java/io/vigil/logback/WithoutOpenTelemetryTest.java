package io.vigil.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import net.logstash.logback.encoder.LogstashEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs the encoder in a class loader that holds Logback, logstash-logback-encoder, Jackson and
 * Vigil but not OpenTelemetry, as in an application without {@code opentelemetry-api}.
 */
class WithoutOpenTelemetryTest {

  private static final String BRAVE_TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String BRAVE_SPAN_ID = "00f067aa0ba902b7";

  @TempDir Path dir;

  @Test
  void encodesEventsWhenOpenTelemetryIsAbsentTakingTraceIdsFromTheMdcOnly() throws Exception {
    Set<URL> classpath = new LinkedHashSet<>();
    for (Class<?> type :
        new Class<?>[] {
          LoggerContext.class, // logback-classic
          ch.qos.logback.core.Appender.class, // logback-core
          Logger.class, // slf4j-api
          LogstashEncoder.class, // logstash-logback-encoder
          JsonGenerator.class, // jackson-core
          ObjectMapper.class, // jackson-databind
          com.fasterxml.jackson.annotation.JsonProperty.class, // jackson-annotations
          VigilJsonEncoder.class, // this module
          WithoutOpenTelemetryTest.class // the probe below
        }) {
      classpath.add(type.getProtectionDomain().getCodeSource().getLocation());
    }
    try (URLClassLoader isolated =
        new URLClassLoader(classpath.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
      Class<?> probe = Class.forName(Probe.class.getName(), true, isolated);
      assertThat(probe.getClassLoader()).isSameAs(isolated);
      Object result =
          ((Callable<?>)
                  probe.getConstructor(String.class).newInstance(dir.resolve("out.log").toString()))
              .call();

      String[] lines = ((String) result).split("\n");
      assertThat(lines).hasSize(2);
      var event = LogbackFixture.parse(lines[0]);
      assertThat(event.get("message").asString()).isEqualTo("no tracing here");
      assertThat(event.get("service").asString()).isEqualTo("plain");
      assertThat(event.has("trace_id")).isFalse();
      // Micrometer Tracing with the Brave bridge fills the MDC without any OpenTelemetry.
      var braveEvent = LogbackFixture.parse(lines[1]);
      assertThat(braveEvent.get("trace_id").asString()).isEqualTo(BRAVE_TRACE_ID);
      assertThat(braveEvent.get("span_id").asString()).isEqualTo(BRAVE_SPAN_ID);
      assertThat(braveEvent.has("traceId")).isFalse();
    }
  }

  /** Runs inside the isolated loader: proves OTel is absent, then logs one event. */
  public static final class Probe implements Callable<String> {
    private final String file;

    /** Creates the probe writing to the given file. */
    public Probe(String file) {
      this.file = file;
    }

    @Override
    public String call() throws Exception {
      try {
        Class.forName("io.opentelemetry.api.trace.Span");
        throw new AssertionError("OpenTelemetry must not be visible in this class loader");
      } catch (ClassNotFoundException expected) {
        // as intended
      }
      LoggerContext context = new LoggerContext();
      context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
      ch.qos.logback.core.FileAppender<ch.qos.logback.classic.spi.ILoggingEvent> appender =
          new ch.qos.logback.core.FileAppender<>();
      appender.setContext(context);
      appender.setFile(file);
      VigilJsonEncoder encoder = new VigilJsonEncoder();
      encoder.setContext(context);
      encoder.setServiceName("plain");
      encoder.start();
      appender.setEncoder(encoder);
      appender.start();
      ch.qos.logback.classic.Logger logger = context.getLogger("probe");
      logger.addAppender(appender);
      logger.info("no tracing here");
      context.getMDCAdapter().put("traceId", BRAVE_TRACE_ID);
      context.getMDCAdapter().put("spanId", BRAVE_SPAN_ID);
      logger.info("ids from Brave");
      context.stop();
      if (context.getStatusManager().getCopyOfStatusList().stream()
          .anyMatch(s -> s.getLevel() >= ch.qos.logback.core.status.Status.WARN)) {
        throw new AssertionError(context.getStatusManager().getCopyOfStatusList().toString());
      }
      return java.nio.file.Files.readString(Path.of(file)).strip();
    }
  }
}
