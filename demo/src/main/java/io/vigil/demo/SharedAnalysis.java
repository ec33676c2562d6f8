package io.vigil.demo;

import io.vigil.rca.CallGraph;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The parent application context of the six service contexts: what they share. One call graph,
 * learned from every service's spans, and the one exporter those spans meet in.
 */
@Configuration(proxyBeanMethods = false)
class SharedAnalysis {

  @Bean
  CallGraph callGraph() {
    return new CallGraph();
  }

  @Bean(destroyMethod = "close")
  SharedSpanExporter sharedSpanExporter() {
    return new SharedSpanExporter();
  }
}
