/** JMH benchmarks of Vigil's Logback encoder against logstash-logback-encoder's own. */
@NullMarked
package io.vigil.benchmarks.logback;

import org.jspecify.annotations.NullMarked;
