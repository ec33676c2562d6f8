package io.vigil.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The module's public types: a new one is a decision, made here. */
class PublicApiTest {

  private static final Set<String> PUBLIC_TYPES =
      Set.of(
          "io.vigil.spring.RecentAnomalies",
          "io.vigil.spring.VigilAnomalyMetricsAutoConfiguration",
          "io.vigil.spring.VigilAnomalyProperties",
          "io.vigil.spring.VigilApmAutoConfiguration",
          "io.vigil.spring.VigilApmProperties",
          "io.vigil.spring.VigilLiveAutoConfiguration",
          "io.vigil.spring.VigilLiveProperties",
          "io.vigil.spring.VigilLoggingProperties",
          "io.vigil.spring.VigilOtelEventsAutoConfiguration",
          "io.vigil.spring.VigilOtelProperties",
          "io.vigil.spring.VigilSpanExporterAutoConfiguration",
          "io.vigil.spring.VigilEndpoint",
          "io.vigil.spring.VigilEndpointAutoConfiguration",
          "io.vigil.spring.VigilEndpointSection",
          "io.vigil.spring.VigilReportEndpoint",
          "io.vigil.spring.VigilStructuredLogFormatter");

  @Test
  void publicTypesOutsideInternalAreTheListedOnes() {
    Set<String> found = new TreeSet<>();
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.vigil.spring")) {
      if (type.getModifiers().contains(JavaModifier.PUBLIC)
          && !type.getPackageName().contains(".internal")
          && !type.isNestedClass()) {
        found.add(type.getName());
      }
    }
    assertThat(found).isEqualTo(new TreeSet<>(PUBLIC_TYPES));
  }

  @Test
  void autoConfigurationsAreFinal() {
    for (JavaClass type :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("io.vigil.spring")) {
      if (type.getSimpleName().endsWith("AutoConfiguration")) {
        assertThat(type.getModifiers()).as(type.getName()).contains(JavaModifier.FINAL);
      }
    }
  }
}
