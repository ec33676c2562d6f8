package io.vigil.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The public types of {@code io.vigil.live}: a new one must be added here on purpose. */
class PublicApiTest {

  @Test
  void publicTypesAreTheListedOnes() {
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vigil.live");
    var published =
        classes.stream()
            .filter(c -> c.getPackageName().equals("io.vigil.live"))
            .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
            .map(JavaClass::getSimpleName)
            .collect(Collectors.toSet());
    assertThat(published)
        .containsExactlyInAnyOrder(
            "AnalyzerCounts",
            "EventEvidence",
            "IncidentReport",
            "IncidentReportListener",
            "LiveIncidentAnalyzer",
            "LiveIncidentAnalyzerBuilder",
            "MarkedEvent",
            "ReportedCause",
            "ReportedEdge",
            "SignalBand",
            "SignalListener",
            "SymptomCorrelation");
  }

  @Test
  void theInternalPackageIsNotExposedBySignatures() {
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vigil.live");
    for (JavaClass c : classes) {
      if (!c.getPackageName().equals("io.vigil.live")
          || !c.getModifiers().contains(JavaModifier.PUBLIC)) {
        continue;
      }
      c.getMethods().stream()
          .filter(m -> m.getModifiers().contains(JavaModifier.PUBLIC))
          .forEach(
              m -> {
                assertThat(m.getRawReturnType().getPackageName())
                    .as(m.getFullName())
                    .isNotEqualTo("io.vigil.live.internal");
                m.getRawParameterTypes()
                    .forEach(
                        p ->
                            assertThat(p.getPackageName())
                                .as(m.getFullName())
                                .isNotEqualTo("io.vigil.live.internal"));
              });
    }
  }
}
