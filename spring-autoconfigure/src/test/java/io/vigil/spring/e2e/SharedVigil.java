package io.vigil.spring.e2e;

import io.vigil.spring.VigilLiveAutoConfiguration;
import io.vigil.spring.VigilSpanExporterAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;

/**
 * A parent context holding only Vigil's shared beans (call graph, live analyzer, span exporter),
 * which several Boot applications of one JVM use as children: the set-up of a multi-service demo.
 */
public final class SharedVigil
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static AnnotationConfigApplicationContext parent;

  /** The parent, created on first use with a one-second step. */
  public static synchronized AnnotationConfigApplicationContext parent() {
    if (parent == null) {
      AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
      context
          .getEnvironment()
          .getPropertySources()
          .addFirst(
              new MapPropertySource(
                  "shared-vigil",
                  java.util.Map.of(
                      "vigil.live.step", "1s",
                      "vigil.live.settle", "3s",
                      "vigil.live.history", "60")));
      context.register(Beans.class);
      context.refresh();
      parent = context;
    }
    return parent;
  }

  /** Closes the parent after its children. */
  public static synchronized void close() {
    if (parent != null) {
      parent.close();
      parent = null;
    }
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context.setParent(parent());
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({
    VigilLiveAutoConfiguration.class,
    VigilSpanExporterAutoConfiguration.class
  })
  static class Beans {}
}
