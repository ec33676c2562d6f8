package io.vigil.logback.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CurrentTraceContextTest {

  @Test
  void usesOpenTelemetryWhenItIsOnTheClasspath() {
    assertThat(CurrentTraceContext.detect(getClass().getClassLoader()))
        .isNotSameAs(CurrentTraceContext.NONE);
  }

  @Test
  void writesNothingWithoutOpenTelemetry() {
    ClassLoader empty = new ClassLoader(null) {};

    assertThat(CurrentTraceContext.detect(empty)).isSameAs(CurrentTraceContext.NONE);
  }
}
