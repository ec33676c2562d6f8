package io.vigil.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.core.status.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.MDC;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A real Logback context configured from one of the test's {@code logback/*.xml} files. */
final class LogbackFixture implements AutoCloseable {

  static final JsonMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final LoggerContext context = new LoggerContext();
  private final Path logFile;

  private LogbackFixture(String resource, Path logFile) {
    this.logFile = logFile;
    context.setName("test");
    // The MDC that org.slf4j.MDC writes to, so that MDC.put in a test reaches this context.
    context.setMDCAdapter(MDC.getMDCAdapter());
    context.putProperty("LOG_FILE", logFile.toString());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    URL url = LogbackFixture.class.getResource("/logback/" + resource);
    assertThat(url).as("test resource logback/%s", resource).isNotNull();
    try {
      configurator.doConfigure(url);
    } catch (JoranException e) {
      throw new IllegalStateException(e);
    }
    List<Status> errors =
        context.getStatusManager().getCopyOfStatusList().stream()
            .filter(s -> s.getLevel() >= Status.WARN)
            .toList();
    assertThat(errors).as("Logback status warnings and errors").isEmpty();
  }

  /** Configures a fresh context from {@code logback/<resource>} writing into a file in the dir. */
  static LogbackFixture load(String resource, Path dir) {
    return new LogbackFixture(resource, dir.resolve(resource + ".log"));
  }

  Logger logger(String name) {
    return context.getLogger(name);
  }

  LoggerContext context() {
    return context;
  }

  /** Every line written so far, each exactly as in the file. */
  List<String> lines() {
    try {
      String content = Files.readString(logFile, StandardCharsets.UTF_8);
      if (content.isEmpty()) {
        return List.of();
      }
      assertThat(content).as("the file ends with a line separator").endsWith("\n");
      return List.of(content.substring(0, content.length() - 1).split("\n", -1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every line parsed as one JSON object. */
  List<JsonNode> events() {
    return lines().stream().map(LogbackFixture::parse).toList();
  }

  /** The only event written so far. */
  JsonNode onlyEvent() {
    List<JsonNode> events = events();
    assertThat(events).hasSize(1);
    return events.get(0);
  }

  static JsonNode parse(String line) {
    JsonNode node = JSON.readTree(line);
    assertThat(node.isObject()).as("line is a JSON object: %s", line).isTrue();
    return node;
  }

  @Override
  public void close() {
    context.stop();
  }
}
