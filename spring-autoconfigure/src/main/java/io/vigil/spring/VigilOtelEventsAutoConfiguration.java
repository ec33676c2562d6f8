package io.vigil.spring;

import io.opentelemetry.api.logs.LoggerProvider;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.vigil.otel.VigilEventEmitter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Emits incident reports as OpenTelemetry events ({@code vigil.incident.report} log records)
 * through the {@link SdkLoggerProvider} Spring Boot builds, so that they travel with the
 * application's OTLP logs: the {@link VigilEventEmitter} is an {@code IncidentReportListener} bean,
 * which the live analyzer reports to.
 */
@AutoConfiguration(
    afterName =
        "org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration")
@ConditionalOnClass({VigilEventEmitter.class, SdkLoggerProvider.class})
@ConditionalOnBooleanProperty(name = "vigil.otel.enabled", matchIfMissing = true)
@ConditionalOnBean(LoggerProvider.class)
public final class VigilOtelEventsAutoConfiguration {

  VigilOtelEventsAutoConfiguration() {}

  @Bean
  @ConditionalOnMissingBean
  VigilEventEmitter vigilEventEmitter(LoggerProvider loggerProvider) {
    return VigilEventEmitter.create(loggerProvider);
  }
}
