package io.vigil.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The log lines' version agrees with the BuildProperties bean Boot makes from the same file. */
class ServiceVersionTest {

  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(ProjectInfoAutoConfiguration.class))
          .withPropertyValues("spring.application.version=0.9.0");

  @Test
  void withBuildInfoTheVersionIsBuildPropertiesVersion() {
    runner
        .withPropertyValues(
            "spring.info.build.location=classpath:io/vigil/spring/build-info.properties")
        .run(
            context -> {
              BuildProperties build = context.getBean(BuildProperties.class);
              assertThat(build.getVersion()).isEqualTo("1.4.2");
              assertThat(ServiceVersion.of(context.getEnvironment())).isEqualTo(build.getVersion());
            });
  }

  @Test
  void withoutBuildInfoTheVersionIsSpringApplicationVersion() {
    runner
        .withPropertyValues("spring.info.build.location=classpath:io/vigil/spring/none.properties")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(BuildProperties.class);
              assertThat(ServiceVersion.of(context.getEnvironment())).isEqualTo("0.9.0");
            });
  }

  @Test
  void withNeitherThereIsNoVersion() {
    new ApplicationContextRunner()
        .withPropertyValues("spring.info.build.location=classpath:io/vigil/spring/none.properties")
        .run(context -> assertThat(ServiceVersion.of(context.getEnvironment())).isNull());
  }
}
