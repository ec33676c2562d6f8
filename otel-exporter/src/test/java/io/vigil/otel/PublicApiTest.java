package io.vigil.otel;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The public surface of vigil-otel: a new public type must be added here on purpose. */
class PublicApiTest {

  @Test
  void publicTypesOutsideInternalAreExactlyTheseAndNoMicrometer() {
    var classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.vigil.otel");
    var publicTypes =
        classes.stream()
            .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC))
            .filter(c -> !c.getPackageName().endsWith(".internal"))
            .filter(c -> !c.isNestedClass() || c.getEnclosingClass().isPresent())
            .map(JavaClass::getName)
            .collect(Collectors.toSet());
    assertThat(publicTypes)
        .containsExactlyInAnyOrder(
            "io.vigil.otel.VigilSpanExporter",
            "io.vigil.otel.VigilSpanExporterBuilder",
            "io.vigil.otel.LearningStats",
            "io.vigil.otel.VigilEventEmitter");
    assertThat(classes.stream().flatMap(c -> c.getDirectDependenciesFromSelf().stream()))
        .noneMatch(d -> d.getTargetClass().getPackageName().startsWith("io.micrometer"));
  }
}
