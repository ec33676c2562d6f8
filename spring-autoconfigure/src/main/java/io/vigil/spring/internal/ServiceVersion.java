package io.vigil.spring.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.env.Environment;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The application's version for its log lines: the {@link BuildProperties} version when the build
 * wrote {@code build-info.properties} (read from where Spring Boot's {@code
 * ProjectInfoAutoConfiguration} reads it, {@code spring.info.build.location}), else {@code
 * spring.application.version}. Boot's logging system builds the formatter before any bean exists,
 * so the file is read here rather than taken from Boot's {@code BuildProperties} bean.
 */
public final class ServiceVersion {

  private static final String DEFAULT_LOCATION = "classpath:META-INF/build-info.properties";
  private static final String PREFIX = "build.";

  private ServiceVersion() {}

  /** The version, or null when neither the build info nor the environment has one. */
  public static @Nullable String of(Environment environment) {
    BuildProperties build = buildProperties(environment);
    String version = build == null ? null : build.getVersion();
    return version != null ? version : environment.getProperty("spring.application.version");
  }

  /** The build info as Boot reads it, or null when there is none. */
  static @Nullable BuildProperties buildProperties(Environment environment) {
    String location = environment.getProperty("spring.info.build.location", DEFAULT_LOCATION);
    Charset encoding =
        environment.getProperty(
            "spring.info.build.encoding", Charset.class, StandardCharsets.UTF_8);
    Resource resource = new DefaultResourceLoader().getResource(location);
    if (!resource.exists()) {
      return null;
    }
    try {
      Properties all =
          PropertiesLoaderUtils.loadProperties(new EncodedResource(resource, encoding));
      Properties entries = new Properties();
      all.stringPropertyNames().stream()
          .filter(key -> key.startsWith(PREFIX))
          .forEach(
              key -> entries.setProperty(key.substring(PREFIX.length()), all.getProperty(key)));
      return new BuildProperties(entries);
    } catch (IOException e) {
      throw new IllegalStateException(
          "spring.info.build.location=" + location + " could not be read as build info", e);
    }
  }
}
