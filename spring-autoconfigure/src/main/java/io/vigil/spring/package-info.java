/**
 * Vigil on Spring Boot 4: auto-configurations that add the anomaly-detecting registry, APM, live
 * root-cause analysis, the span exporter and JSON logs to an application, {@code vigil.*}
 * properties, the {@code vigil} actuator endpoint and the {@code vigilreport} page.
 */
@NullMarked
package io.vigil.spring;

import org.jspecify.annotations.NullMarked;
